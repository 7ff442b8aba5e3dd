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

    /// <summary>Prefix of the admin tool's rows: <c>admin:</c> and the command words joined by '-', e.g. <c>admin:users-add</c>.</summary>
    public const string AdminPrefix = "admin:";

    public static string Admin(IEnumerable<string> commandWords) => AdminPrefix + string.Join('-', commandWords);
}
