using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace FileBridge.Testing;

/// <summary>
/// Signs in over HTTP and carries the session cookie by hand: HttpClient's cookie container
/// won't send a Secure (__Host-) cookie over the plain-HTTP loopback the tests use.
/// </summary>
public static partial class ApiSession
{
    public const string CookieName = "__Host-fb_session";

    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password) =>
        await client.PostAsJsonAsync("api/auth/login", new { username, password });

    /// <summary>Signs in and returns the session token from Set-Cookie; fails the test if sign-in fails.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string username, string password)
    {
        using var response = await LoginAsync(client, username, password);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Sign-in of {username} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return SessionToken(response) ?? throw new InvalidOperationException("Sign-in set no session cookie.");
    }

    public static string? SessionToken(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => CookieValue().Match(c)).Where(m => m.Success).Select(m => m.Groups[1].Value).FirstOrDefault()
            : null;

    public static HttpRequestMessage Request(HttpMethod method, string uri, string? token)
    {
        var request = new HttpRequestMessage(method, uri);
        if (token is not null)
        {
            request.Headers.Add("Cookie", $"{CookieName}={token}");
        }

        return request;
    }

    [GeneratedRegex("^__Host-fb_session=([^;]*)")]
    private static partial Regex CookieValue();
}
