using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FileBridge.Core.Login.Devices;

/// <summary>
/// Issues and checks the <c>__Host-fb_device</c> cookie that makes a browser a person's known one: the person, a
/// random device id, the account's <c>DeviceEpoch</c> and an expiry, MACed with HMAC-SHA256 under the device key.
/// Only a browser that completed a sign-in gets one, so failures sent from anywhere else can never use up its budget.
/// Format: <c>v1.</c> base64url(fields joined by line feeds) <c>.</c> base64url(MAC).
/// </summary>
public sealed class DeviceCookies(DeviceKeySource keys, TimeProvider time)
{
    public const string CookieName = "__Host-fb_device";

    /// <summary>Re-issued at every full sign-in, so a browser in use stays known.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private const string Version = "v1";
    // The MAC covers a purpose label too: the same key can never vouch for another kind of value.
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("filebridge device cookie v1\n");
    private const int MaxCookieLength = 1024;
    private const int DeviceIdBytes = 16;

    /// <summary>A new cookie value for <paramref name="userId"/>; <paramref name="deviceId"/> null makes a new device.</summary>
    public (string Value, DateTimeOffset ExpiresAt) Issue(string userId, string deviceEpoch, string? deviceId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(deviceEpoch);
        var expiresAt = time.GetUtcNow() + Lifetime;
        var id = deviceId ?? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(DeviceIdBytes));
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', userId, id, deviceEpoch,
            expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return ($"{Version}.{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(Mac(payload))}", expiresAt);
    }

    /// <summary>The identity in <paramref name="value"/>, or null when it is missing, malformed, forged or expired.</summary>
    public DeviceIdentity? Validate(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxCookieLength)
        {
            return null;
        }

        var parts = value.Split('.');
        if (parts.Length != 3 || parts[0] != Version || !TryDecode(parts[1], out var payload) || !TryDecode(parts[2], out var mac))
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(payload)))
        {
            return null;
        }

        var fields = Encoding.UTF8.GetString(payload).Split('\n');
        if (fields.Length != 4 || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
        return expiresAt > time.GetUtcNow() ? new DeviceIdentity(fields[0], fields[1], fields[2], expiresAt) : null;
    }

    /// <summary>True when the cookie's epoch is the account's current one, compared in constant time.</summary>
    public static bool IsCurrentEpoch(DeviceIdentity device, string accountEpoch)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(accountEpoch);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(device.DeviceEpoch), Encoding.UTF8.GetBytes(accountEpoch));
    }

    private byte[] Mac(byte[] payload)
    {
        var message = new byte[Purpose.Length + payload.Length];
        Purpose.CopyTo(message, 0);
        payload.CopyTo(message, Purpose.Length);
        return HMACSHA256.HashData(keys.Key, message);
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
