namespace FileBridge.Core.Sessions;

/// <summary>How a session was authenticated: the <c>Amr</c> column, in the contract's words.</summary>
public static class SessionAmr
{
    public const string Password = "pwd";
    public const string PasswordAndCode = "pwd+otp";
    public const string PasswordAndPasskey = "pwd+passkey";
    public const string Passkey = "passkey";
    public const string PasswordAndRecoveryCode = "pwd+recovery";

    /// <summary>True when the session holds a second factor (a passkey with user verification is both at once).</summary>
    public static bool HasSecondFactor(string? amr) => amr is PasswordAndCode or PasswordAndPasskey or Passkey or PasswordAndRecoveryCode;
}
