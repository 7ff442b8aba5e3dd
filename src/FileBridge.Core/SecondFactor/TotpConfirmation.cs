namespace FileBridge.Core.SecondFactor;

/// <summary>
/// The answer to a first code. <see cref="RecoveryCodes"/> is set when this was the person's first
/// factor and a set was just made (shown once).
/// </summary>
public sealed record TotpConfirmation(bool Confirmed, IReadOnlyList<string>? RecoveryCodes)
{
    public static readonly TotpConfirmation Invalid = new(false, null);
}
