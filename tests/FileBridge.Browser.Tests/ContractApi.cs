using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FileBridge.Browser.Tests;

/// <summary>
/// Serves chosen API routes with the answers README.md gives ("HTTP API" and "Signing in"), so that the page's handling
/// of each answer (202 steps, 403 <c>reauth_required</c>, <c>weak_password</c> reasons) is tested in the browser on its
/// own; the API's own behaviour is tested by the integration tests. Every other request reaches the real DevHost. An
/// answer may carry a real sign-in of a test user, so the page gets a real session cookie with it and what follows (the
/// listing) runs against the real server.
/// </summary>
public sealed class ContractApi
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Answer>> _answers = new();
    private readonly ConcurrentQueue<Call> _calls = new();

    public IReadOnlyCollection<Call> Calls => _calls;

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with the given answers in turn; the last one repeats.</summary>
    public ContractApi On(string method, string path, params Answer[] answers)
    {
        _answers[$"{method} {path}"] = new ConcurrentQueue<Answer>(answers);
        return this;
    }

    public static async Task<ContractApi> AttachAsync(AppPage app)
    {
        var api = new ContractApi();
        await app.Page.RouteAsync("**/api/**", api.HandleAsync);
        return api;
    }

    /// <summary>The JSON bodies sent to <paramref name="method"/> <paramref name="path"/>, in order.</summary>
    public IReadOnlyList<JsonNode?> BodiesOf(string method, string path) =>
        _calls.Where(c => c.Method == method && c.Path == path).Select(c => c.Body is null ? null : JsonNode.Parse(c.Body)).ToList();

    private async Task HandleAsync(IRoute route)
    {
        var request = route.Request;
        var path = new Uri(request.Url).AbsolutePath;
        if (!_answers.TryGetValue($"{request.Method} {path}", out var answers))
        {
            await route.FallbackAsync();
            return;
        }

        _calls.Enqueue(new Call(request.Method, path, request.PostData));
        var answer = answers.Count > 1 && answers.TryDequeue(out var next) ? next : answers.TryPeek(out var last) ? last : throw new InvalidOperationException(path);
        var body = answer.Body is null ? string.Empty : JsonSerializer.Serialize(answer.Body);
        var contentType = answer.Status >= 400 ? "application/problem+json" : "application/json";
        if (answer.SignIn is { } user)
        {
            // The real login's Set-Cookie rides along with the contract's answer.
            var login = await route.FetchAsync(new()
            {
                Url = new Uri(new Uri(request.Url), "/api/auth/login").ToString(),
                Method = "POST",
                // The page's own headers (Origin, cookies), less the length of a body that is not the one sent.
                Headers = request.Headers.Where(h => !h.Key.Equals("content-length", StringComparison.OrdinalIgnoreCase)),
                PostData = JsonSerializer.SerializeToUtf8Bytes(new { username = user.Name, password = user.Password }),
            });
            await route.FulfillAsync(new() { Response = login, Status = answer.Status, ContentType = contentType, Body = body });
            return;
        }

        await route.FulfillAsync(new() { Status = answer.Status, ContentType = contentType, Body = body });
    }

    public static Answer Ok(object? body, TestUser? signIn = null) => new(200, body, signIn);

    public static Answer Status(int status, object? body = null, TestUser? signIn = null) => new(status, body, signIn);

    public static Answer Problem(int status, string code, string? reason = null) =>
        new(status, reason is null ? new { status, code, title = code } : new { status, code, title = code, reason }, null);

    public static object UserOf(TestUser user) => new { user = new { id = user.Name, displayName = user.DisplayName }, expiresAt = DateTimeOffset.UtcNow.AddHours(8) };

    public sealed record Answer(int Status, object? Body, TestUser? SignIn);

    public sealed record Call(string Method, string Path, string? Body);
}
