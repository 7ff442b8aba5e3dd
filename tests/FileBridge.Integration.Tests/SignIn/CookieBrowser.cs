using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FileBridge.Integration.Tests.SignIn;

/// <summary>
/// One browser against the app: keeps the <c>__Host-</c> cookies it is given (session, pending step, device, passkey
/// challenge) and sends them back, by hand, since HttpClient will not send Secure cookies over the tests' plain HTTP.
/// </summary>
internal sealed partial class CookieBrowser(HttpClient client)
{
    public const string Session = "__Host-fb_session";
    public const string Pending = "__Host-fb_pending";
    public const string Device = "__Host-fb_device";

    // Concurrent: attack tests send many requests from one browser at once.
    public ConcurrentDictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public string? this[string name] => Cookies.TryGetValue(name, out var value) ? value : null;

    public Task<HttpResponseMessage> PostAsync(string uri, object? body = null) =>
        SendAsync(HttpMethod.Post, uri, body ?? new { });

    public Task<HttpResponseMessage> GetAsync(string uri) => SendAsync(HttpMethod.Get, uri, null);

    public Task<HttpResponseMessage> DeleteAsync(string uri) => SendAsync(HttpMethod.Delete, uri, null);

    public Task<HttpResponseMessage> LoginAsync(string username, string password) =>
        PostAsync("api/auth/login", new { username, password });

    /// <summary>A request with exactly the given cookies (another browser's, a stolen one), leaving this jar alone.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string uri, object? body, IReadOnlyDictionary<string, string> cookies)
    {
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string uri, object? body)
    {
        using var request = Request(method, uri, body, Cookies);
        var response = await client.SendAsync(request);
        Keep(response);
        return response;
    }

    public void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return;
        }

        foreach (var cookie in cookies)
        {
            var match = SetCookie().Match(cookie);
            if (!match.Success)
            {
                continue;
            }

            if (match.Groups[2].Value.Length == 0 || cookie.Contains("Max-Age=0", StringComparison.Ordinal))
            {
                Cookies.TryRemove(match.Groups[1].Value, out _);
            }
            else
            {
                Cookies[match.Groups[1].Value] = match.Groups[2].Value;
            }
        }
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [GeneratedRegex("^([^=]+)=([^;]*)")]
    private static partial Regex SetCookie();
}
