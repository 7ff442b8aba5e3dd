using FileBridge.Core.Login.Passwords;

namespace FileBridge.Core.Account;

/// <summary>What a password change came to.</summary>
public abstract record PasswordChangeResult
{
    private PasswordChangeResult()
    {
    }

    /// <summary>Changed; <see cref="SecurityStamp"/> is the account's new stamp (every session made before it is dead).</summary>
    public sealed record Changed(string SecurityStamp) : PasswordChangeResult;

    /// <summary>400 <c>weak_password</c> with the verdict's reason.</summary>
    public sealed record Weak(PasswordVerdict Verdict) : PasswordChangeResult;

    /// <summary>403 <c>invalid_credentials</c>: the current password was wrong (counted), or changed meanwhile.</summary>
    public sealed record WrongCurrent : PasswordChangeResult;

    /// <summary>429 (the budget is locked or the name over its rate) or 503 busy.</summary>
    public sealed record Refused(TimeSpan RetryAfter, bool Busy, bool Throttled) : PasswordChangeResult;
}
