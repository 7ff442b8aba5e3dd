using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Http;

/// <summary>
/// The v3 cookies besides the session's (<c>__Host-fb_pending</c>, <c>__Host-fb_device</c>, the passkey challenge's),
/// each with the session cookie's attributes: the <c>__Host-</c> prefix makes browsers insist on Secure, Path=/
/// and no Domain; HttpOnly and SameSite=Strict keep scripts and other sites away from them.
/// </summary>
public sealed class HostCookie(string name)
{
    /// <summary>Names a pending sign-in step (5 minutes, 15 for enrolment); never a session.</summary>
    public static readonly HostCookie Pending = new("__Host-fb_pending");

    /// <summary>Makes this browser a known one of the person (90 days, re-issued at every full sign-in).</summary>
    public static readonly HostCookie Device = new(Core.Login.Devices.DeviceCookies.CookieName);

    /// <summary>Binds a WebAuthn challenge to the browser that asked for it (5 minutes, used once).</summary>
    public static readonly HostCookie PasskeyChallenge = new("__Host-fb_challenge");

    public string Name { get; } = name;

    public string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
    }

    public void Issue(HttpResponse response, string value, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.Append("Set-Cookie",
            $"{Name}={value}; Path=/; Secure; HttpOnly; SameSite=Strict; Expires={expiresAt.UtcDateTime.ToString("R", CultureInfo.InvariantCulture)}");
    }

    public void Clear(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.Append("Set-Cookie", $"{Name}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    }
}
