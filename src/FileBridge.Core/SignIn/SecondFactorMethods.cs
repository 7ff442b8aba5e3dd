namespace FileBridge.Core.SignIn;

/// <summary>The <c>method</c> values of the second-factor and re-authentication routes.</summary>
public static class SecondFactorMethods
{
    public const string Totp = "totp";
    public const string Recovery = "recovery";

    public static bool IsCode(string? method) => method is Totp or Recovery;
}
