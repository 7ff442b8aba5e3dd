using FileBridge.Core.Passkeys;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Http;

/// <summary>
/// What every WebAuthn route shares: options go out as the standard JSON form with the challenge bound to this
/// browser (<c>__Host-fb_challenge</c>); the answer comes back with that binding, spent once. The app's own origin
/// is the request's, as the origin check reads it.
/// </summary>
public static class PasskeyCeremony
{
    public static IActionResult SendOptions(HttpResponse response, PasskeyCeremonyOptions options)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(options);
        HostCookie.PasskeyChallenge.Issue(response, options.Ticket.Binding, options.Ticket.ExpiresAt);
        return new ContentResult { Content = options.OptionsJson, ContentType = "application/json", StatusCode = StatusCodes.Status200OK };
    }

    /// <summary>The binding the browser holds (spent by the ceremony: the cookie is cleared with the answer).</summary>
    public static string? TakeBinding(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var binding = HostCookie.PasskeyChallenge.Read(request);
        if (binding is not null)
        {
            HostCookie.PasskeyChallenge.Clear(request.HttpContext.Response);
        }

        return binding;
    }

    public static string AppOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host.Value}";
    }
}
