using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Http;

/// <summary>
/// With <c>Web:RequiredFrontDoorId</c> set, only requests forwarded by that Azure Front Door profile are answered
/// and their client-address header believed: Front Door writes its profile's id in <c>X-Azure-FDID</c>, and
/// the app's platform address can be reached around it (by anyone's own Front Door profile too).
/// </summary>
public sealed class FrontDoorCheck(IOptions<WebOptions> options)
{
    public const string HeaderName = "X-Azure-FDID";

    private readonly Guid? _required = options.Value.ParsedFrontDoorId();

    /// <summary>Whether the request came through the required profile; always true when none is required.</summary>
    public bool Admits(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _required is not { } required
            || (request.Headers[HeaderName] is { Count: 1 } values && Guid.TryParse(values[0], out var id) && id == required);
    }
}
