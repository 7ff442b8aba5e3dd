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
}
