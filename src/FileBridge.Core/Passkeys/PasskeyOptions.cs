namespace FileBridge.Core.Passkeys;

/// <summary>
/// The passkey settings of the <c>Web</c> section: the relying party id, and the origins besides the
/// app's own that may run a ceremony (read from the same <c>Web:AllowedOrigins</c> as the origin check).
/// </summary>
public sealed class PasskeyOptions
{
    public const string SectionName = "Web";

    /// <summary>On loopback the local demo is served at http://localhost; an IP address cannot be a relying party id.</summary>
    public const string LoopbackRpId = "localhost";

    public string? PasskeyRpId { get; set; }

    public string? AllowedOrigins { get; set; }

    /// <summary>The relying party id in force: the setting, or <see cref="LoopbackRpId"/> when it is unset.</summary>
    public string RpId => string.IsNullOrWhiteSpace(PasskeyRpId) ? LoopbackRpId : PasskeyRpId.Trim().ToLowerInvariant();

    public IReadOnlyList<string> ParsedAllowedOrigins() =>
        (AllowedOrigins ?? string.Empty)
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/'))
            .ToList();
}
