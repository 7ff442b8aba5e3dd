namespace FileBridge.Admin.Cli;

/// <summary>Process exit codes, stable so that scripts can branch on them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad command line (System.CommandLine's own code), an invalid user name or a refused password.</summary>
    public const int InvalidInput = 1;

    /// <summary>A missing or malformed setting, or an unreadable settings file.</summary>
    public const int BadSettings = 2;

    /// <summary>
    /// The command asked for is not the one for the job (<c>users set-password</c> without <c>--permanent</c>): the
    /// contract fixes 2, the number of <see cref="BadSettings"/>; the message on standard error tells them apart.
    /// </summary>
    public const int UseAnotherCommand = 2;

    public const int UserAlreadyExists = 3;

    public const int UserNotFound = 4;

    /// <summary><c>groups add</c> of a name that is taken (the same number as <see cref="UserAlreadyExists"/>).</summary>
    public const int GroupAlreadyExists = 3;

    /// <summary>A command naming a group that does not exist (the same number as <see cref="UserNotFound"/>).</summary>
    public const int GroupNotFound = 4;

    /// <summary><c>access explain</c>: the user may not read the path.</summary>
    public const int AccessDenied = 3;

    /// <summary><c>access explain</c>: an unknown user or a malformed path (the contract fixes 2).</summary>
    public const int ExplainUnknown = 2;

    /// <summary>The table service could not be reached or refused the credentials.</summary>
    public const int TableUnreachable = 5;

    public const int Cancelled = 130;

    /// <summary>Anything else: a fault in the tool itself.</summary>
    public const int InternalError = 70;
}
