namespace FileBridge.Core.Login.Passwords;

/// <summary>Why a new password is refused: the <c>reason</c> of a 400 <c>weak_password</c>, word for word.</summary>
public static class WeakPasswordReason
{
    public const string TooShort = "too_short";
    public const string Common = "common";
    public const string ContainsName = "contains_name";
    public const string SameAsTemporary = "same_as_temporary";
}
