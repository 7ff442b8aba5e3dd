using System.Text.Json;
using Fido2NetLib;

namespace FileBridge.Core.Passkeys;

/// <summary>
/// The WebAuthn JSON forms. Fido2 4.x already writes options as the standard
/// PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON (base64url fields, no wrapper), and reads
/// what the browser's <c>PublicKeyCredential.toJSON()</c> gives; this keeps that in one place and turns
/// malformed input into a refusal rather than an exception.
/// </summary>
public static class PasskeyJson
{
    public static string CreationOptions(CredentialCreateOptions options) => options.ToJson();

    public static string RequestOptions(AssertionOptions options) => options.ToJson();

    public static AuthenticatorAttestationRawResponse? Attestation(JsonElement credential) =>
        Read<AuthenticatorAttestationRawResponse>(credential) is { Response: not null, RawId.Length: > 0 } response ? response : null;

    public static AuthenticatorAssertionRawResponse? Assertion(JsonElement credential) =>
        Read<AuthenticatorAssertionRawResponse>(credential) is { Response: not null, RawId.Length: > 0 } response ? response : null;

    private static T? Read<T>(JsonElement credential)
        where T : class
    {
        if (credential.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return credential.Deserialize<T>();
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }
}
