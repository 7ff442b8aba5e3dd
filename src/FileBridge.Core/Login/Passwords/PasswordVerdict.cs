namespace FileBridge.Core.Login.Passwords;

/// <summary>What <see cref="PasswordPolicy"/> says of a new password: accepted, or refused with a <see cref="WeakPasswordReason"/>.</summary>
/// <param name="Reason">Null when accepted.</param>
/// <param name="Message">A sentence for a person, naming the rule (never the password).</param>
public sealed record PasswordVerdict(string? Reason, string Message)
{
    public static PasswordVerdict Accepted { get; } = new(null, "The password is acceptable.");

    public bool IsAccepted => Reason is null;
}
