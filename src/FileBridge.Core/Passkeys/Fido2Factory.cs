using Fido2NetLib;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Passkeys;

/// <summary>
/// A Fido2 instance per ceremony, because the accepted origins include the app's own origin, which the
/// request tells. Without a metadata service: attestation is not asked for (<c>none</c>), so no
/// authenticator model is judged, and nothing is fetched from the internet.
/// </summary>
public sealed class Fido2Factory(IOptions<PasskeyOptions> options)
{
    public const string RelyingPartyName = "FileBridge";

    public string RpId => options.Value.RpId;

    public Fido2 Create(string? appOrigin) => new(Configuration(appOrigin), metadataService: null);

    public Fido2Configuration Configuration(string? appOrigin) => new()
    {
        RPID = RpId,
        RPName = RelyingPartyName,
        Origins = PasskeyOrigins.Accepted(RpId, appOrigin, options.Value.ParsedAllowedOrigins()).ToHashSet(),
        ChallengeSize = 32,
        Timeout = (uint)ChallengeStore.Lifetime.TotalMilliseconds,
    };
}
