using System.Buffers.Binary;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace FileBridge.Integration.Tests.SecondFactor;

/// <summary>
/// A platform authenticator in software, for tests only: an ECDSA P-256 key, a <c>none</c> attestation
/// and signed assertions, answered as a browser's <c>PublicKeyCredential.toJSON()</c>. The product never
/// writes CBOR; Fido2 reads what this writes exactly as it reads a real authenticator's.
/// </summary>
internal sealed class SoftwareAuthenticator : IDisposable
{
    private const byte UserPresent = 0x01;
    private const byte UserVerifiedFlag = 0x04;
    private const byte AttestedCredentialData = 0x40;

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private uint _counter;

    public SoftwareAuthenticator(string rpId = "localhost", string origin = SecondFactorWorld.AppOrigin)
    {
        RpId = rpId;
        Origin = origin;
    }

    /// <summary>The relying party id the authenticator signs for (its hash opens the authenticator data).</summary>
    public string RpId { get; set; }

    /// <summary>The origin the browser writes into clientDataJSON.</summary>
    public string Origin { get; set; }

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);

    public string CredentialIdText => WebEncoders.Base64UrlEncode(CredentialId);

    public byte[]? UserHandle { get; set; }

    /// <summary>Whether the authenticator reports that it verified the person (PIN, biometrics).</summary>
    public bool VerifiesUser { get; set; } = true;

    /// <summary><c>navigator.credentials.create</c> with the server's creation options.</summary>
    public JsonElement Create(string creationOptionsJson)
    {
        var options = JsonNode.Parse(creationOptionsJson)!;
        UserHandle = WebEncoders.Base64UrlDecode(options["user"]!["id"]!.GetValue<string>());
        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>());
        var authenticatorData = AuthenticatorData((byte)(UserPresent | (VerifiesUser ? UserVerifiedFlag : 0) | AttestedCredentialData), AttestedData());

        var cbor = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cbor.WriteStartMap(3);
        cbor.WriteTextString("fmt");
        cbor.WriteTextString("none");
        cbor.WriteTextString("attStmt");
        cbor.WriteStartMap(0);
        cbor.WriteEndMap();
        cbor.WriteTextString("authData");
        cbor.WriteByteString(authenticatorData);
        cbor.WriteEndMap();

        return Json(new JsonObject
        {
            ["id"] = CredentialIdText,
            ["rawId"] = CredentialIdText,
            ["type"] = "public-key",
            ["authenticatorAttachment"] = "platform",
            ["clientExtensionResults"] = new JsonObject(),
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = WebEncoders.Base64UrlEncode(clientData),
                ["attestationObject"] = WebEncoders.Base64UrlEncode(cbor.Encode()),
                ["transports"] = new JsonArray("internal"),
            },
        });
    }

    /// <summary><c>navigator.credentials.get</c> with the server's request options.</summary>
    public JsonElement Get(string requestOptionsJson)
    {
        var options = JsonNode.Parse(requestOptionsJson)!;
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>());
        var authenticatorData = AuthenticatorData((byte)(UserPresent | (VerifiesUser ? UserVerifiedFlag : 0)), []);
        var signature = _key.SignData([.. authenticatorData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        return Json(new JsonObject
        {
            ["id"] = CredentialIdText,
            ["rawId"] = CredentialIdText,
            ["type"] = "public-key",
            ["authenticatorAttachment"] = "platform",
            ["clientExtensionResults"] = new JsonObject(),
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = WebEncoders.Base64UrlEncode(clientData),
                ["authenticatorData"] = WebEncoders.Base64UrlEncode(authenticatorData),
                ["signature"] = WebEncoders.Base64UrlEncode(signature),
                ["userHandle"] = UserHandle is null ? null : WebEncoders.Base64UrlEncode(UserHandle),
            },
        });
    }

    public void Dispose() => _key.Dispose();

    private static JsonElement Json(JsonObject value) => JsonDocument.Parse(value.ToJsonString()).RootElement.Clone();

    private byte[] ClientData(string type, string challenge) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["type"] = type,
        ["challenge"] = challenge,
        ["origin"] = Origin,
        ["crossOrigin"] = false,
    }.ToJsonString());

    private byte[] AuthenticatorData(byte flags, byte[] attested)
    {
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, ++_counter);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(RpId)), flags, .. counter, .. attested];
    }

    private byte[] AttestedData()
    {
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)CredentialId.Length);
        return [.. new byte[16], .. length, .. CredentialId, .. CoseKey()];
    }

    private byte[] CoseKey()
    {
        var point = _key.ExportParameters(includePrivateParameters: false).Q;
        var cbor = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cbor.WriteStartMap(5);
        cbor.WriteInt32(1);
        cbor.WriteInt32(2);
        cbor.WriteInt32(3);
        cbor.WriteInt32(-7);
        cbor.WriteInt32(-1);
        cbor.WriteInt32(1);
        cbor.WriteInt32(-2);
        cbor.WriteByteString(point.X!);
        cbor.WriteInt32(-3);
        cbor.WriteByteString(point.Y!);
        cbor.WriteEndMap();
        return cbor.Encode();
    }
}
