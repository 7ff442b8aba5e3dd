namespace FileBridge.Functions.Http.Policy;

/// <summary>
/// The names routes declare as their <see cref="EndpointPolicyAttribute.Caller"/>, each the key of an
/// <see cref="ICallerRequirement"/> registered by <see cref="CallerRequirementExtensions.AddCallerRequirements"/>.
/// </summary>
public static class Callers
{
    /// <summary>Anyone; the session is not even read (sign-in, health probes).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Anyone; a signed-in caller is identified and counted as themselves (sign-out).</summary>
    public const string Anyone = "anyone";

    /// <summary>A valid session, or 401 <c>unauthenticated</c>.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>A valid session authenticated within <c>Login:RecentAuthWindow</c>, or 401 / 403 <c>reauth_required</c>.</summary>
    public const string RecentlyAuthenticated = "recently-authenticated";

    /// <summary>A live <c>second-factor</c> step, or 401 <c>step_expired</c>.</summary>
    public const string SecondFactorStep = "step:second-factor";

    /// <summary>A valid session, or a live <c>change-password</c> step.</summary>
    public const string PasswordChanger = "password-changer";

    /// <summary>A recently authenticated session, or a live <c>enroll</c> step.</summary>
    public const string Enroller = "enroller";

    /// <summary>Anyone; a session and a pending step are both identified when present.</summary>
    public const string AnyoneOrStep = "anyone-or-step";
}
