namespace FileBridge.Core.Passkeys;

/// <summary>A passkey's name: 1 to 64 characters once trimmed, no control characters.</summary>
public static class PasskeyNames
{
    public const int MaxLength = 64;

    public static string? Normalize(string? name)
    {
        var trimmed = name?.Trim();
        return trimmed is { Length: > 0 and <= MaxLength } && !trimmed.Any(char.IsControl) ? trimmed : null;
    }
}
