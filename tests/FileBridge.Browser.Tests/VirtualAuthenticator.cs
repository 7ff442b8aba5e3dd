using System.Text.Json;

namespace FileBridge.Browser.Tests;

/// <summary>
/// Chromium's virtual authenticator through the DevTools protocol's WebAuthn domain: a platform authenticator
/// with resident keys and user verification that says yes by itself, so ceremonies run headless.
/// </summary>
public sealed class VirtualAuthenticator
{
    private readonly ICDPSession _session;
    private readonly string _id;

    private VirtualAuthenticator(ICDPSession session, string id)
    {
        _session = session;
        _id = id;
    }

    public static async Task<VirtualAuthenticator> AddAsync(IPage page)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("WebAuthn.enable");
        var added = await session.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return new VirtualAuthenticator(session, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>The credentials the authenticator holds: (base64 credential id, relying party id, resident).</summary>
    public async Task<IReadOnlyList<(string Id, string? RpId, bool Resident)>> CredentialsAsync()
    {
        var answer = await _session.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = _id });
        return answer!.Value.GetProperty("credentials").EnumerateArray()
            .Select(c => (c.GetProperty("credentialId").GetString()!, c.TryGetProperty("rpId", out var rp) ? rp.GetString() : null, c.GetProperty("isResidentCredential").GetBoolean()))
            .ToList();
    }

    /// <summary>Puts a discoverable credential of another relying party into the authenticator.</summary>
    public Task AddCredentialAsync(string rpId, byte[] credentialId, byte[] userHandle, byte[] pkcs8PrivateKey) =>
        _session.SendAsync("WebAuthn.addCredential", new Dictionary<string, object>
        {
            ["authenticatorId"] = _id,
            ["credential"] = new Dictionary<string, object>
            {
                ["credentialId"] = Convert.ToBase64String(credentialId),
                ["isResidentCredential"] = true,
                ["rpId"] = rpId,
                ["privateKey"] = Convert.ToBase64String(pkcs8PrivateKey),
                ["userHandle"] = Convert.ToBase64String(userHandle),
                ["signCount"] = 0,
            },
        });

    /// <summary>base64url without padding, as the WebAuthn JSON forms carry bytes.</summary>
    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }

    /// <summary>The client data a ceremony signed, from its base64url clientDataJSON.</summary>
    public static JsonElement ClientData(string clientDataJson) =>
        JsonDocument.Parse(FromBase64Url(clientDataJson)).RootElement.Clone();
}
