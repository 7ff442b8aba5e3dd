using FileBridge.Core.Sessions;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Http.Policy;

/// <summary>
/// The caller <see cref="ApiPipeline"/> established for a request, kept in <see cref="HttpContext.Items"/>: the
/// session is read once per request, by the pipeline, and functions take the user from here.
/// </summary>
public static class RequestCaller
{
    private static readonly object Key = new();

    /// <summary>The signed-in user of a route that declares <see cref="Callers.SignedIn"/>.</summary>
    /// <exception cref="InvalidOperationException">The route's policy admits callers without a session.</exception>
    public static AuthenticatedUser SignedInUser(this HttpRequest request) =>
        Caller(request) ?? throw new InvalidOperationException(
            $"{request.Path} has no signed-in caller: its policy must declare {nameof(Callers)}.{nameof(Callers.SignedIn)}.");

    /// <summary>The user of the request's valid session, or null when there is none.</summary>
    /// <exception cref="InvalidOperationException">The route's policy does not identify its caller (<see cref="Callers.Anonymous"/>).</exception>
    public static AuthenticatedUser? Caller(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Items.TryGetValue(Key, out var caller)
            ? ((Identity)caller!).User
            : throw new InvalidOperationException($"{request.Path} does not identify its caller: its policy declares an anonymous route.");
    }

    /// <summary>The identified user, or null when there is none or the caller was not identified.</summary>
    public static AuthenticatedUser? Identified(HttpContext context) =>
        TryGet(context, out var user) ? user : null;

    internal static bool TryGet(HttpContext context, out AuthenticatedUser? user)
    {
        ArgumentNullException.ThrowIfNull(context);
        var found = context.Items.TryGetValue(Key, out var caller);
        user = found ? ((Identity)caller!).User : null;
        return found;
    }

    internal static void Set(HttpContext context, AuthenticatedUser? user) => context.Items[Key] = new Identity(user);

    // Wrapped so that "identified: nobody" differs from "not identified".
    private sealed record Identity(AuthenticatedUser? User);
}
