using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Http;

/// <summary>
/// The session cookie. Written by hand because the contract fixes the attribute spelling, and the
/// <c>__Host-</c> prefix makes browsers insist on Secure, Path=/ and no Domain.
/// </summary>
public static class SessionCookie
{
    public const string Name = "__Host-fb_session";

    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public static void Issue(HttpResponse response, string token, DateTimeOffset expiresAt) =>
        response.Headers.Append("Set-Cookie", Format(token, expiresAt));

    public static void Clear(HttpResponse response) =>
        response.Headers.Append("Set-Cookie", $"{Name}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");

    public static string Format(string token, DateTimeOffset expiresAt) =>
        $"{Name}={token}; Path=/; Secure; HttpOnly; SameSite=Strict; Expires={expiresAt.UtcDateTime.ToString("R", CultureInfo.InvariantCulture)}";
}
