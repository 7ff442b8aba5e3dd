namespace FileBridge.Core.Audit;

/// <summary>The <c>Action</c> column's values (README.md, "Audit trail").</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInRefused = "sign-in-refused";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string List = "list";
    public const string Search = "search";
    public const string Download = "download";
    public const string Preview = "preview";
    public const string Throttled = "throttled";
    public const string SessionEnded = "session-ended";

    // Signing in, v3: the steps after the password and the account's own changes.
    public const string SecondFactor = "second-factor";
    public const string SecondFactorRefused = "second-factor-refused";
    public const string PasskeySignIn = "passkey-sign-in";
    public const string PasswordChanged = "password-changed";
    public const string FactorAdded = "factor-added";
    public const string FactorRemoved = "factor-removed";
    public const string RecoveryCodeUsed = "recovery-code-used";
    public const string Reauth = "reauth";

    /// <summary>Prefix of the admin tool's rows: <c>admin:</c> and the command words joined by '-', e.g. <c>admin:users-add</c>.</summary>
    public const string AdminPrefix = "admin:";

    public static string Admin(IEnumerable<string> commandWords) => AdminPrefix + string.Join('-', commandWords);
}
