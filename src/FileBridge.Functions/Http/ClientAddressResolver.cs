using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Http;

/// <summary>
/// The address a request's rate limits are counted under: the socket's, or, when
/// <c>Web:ClientAddressHeader</c> names the header Azure's front end writes, the last address in it
/// (front ends append the address they saw; whatever stands before it, a client may have typed).
/// IPv6 clients are counted per /64, the block one subscriber usually holds. With <c>Web:RequiredFrontDoorId</c>
/// set, the header is believed only from requests that came through that Front Door (<see cref="FrontDoorCheck"/>).
/// </summary>
public sealed class ClientAddressResolver(IOptions<WebOptions> options)
{
    public const string Unknown = "unknown";

    private readonly string? _header = options.Value.ClientAddressHeader is { Length: > 0 } header ? header : null;
    private readonly FrontDoorCheck _frontDoor = new(options);

    public string Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_header is not null && _frontDoor.Admits(context.Request) && context.Request.Headers[_header] is { Count: > 0 } values
            && Parse(values[values.Count - 1]!.Split(',')[^1].Trim()) is { } forwarded)
        {
            return Key(forwarded);
        }

        return context.Connection.RemoteIpAddress is { } socket ? Key(socket) : Unknown;
    }

    private static IPAddress? Parse(string value) =>
        IPAddress.TryParse(value, out var address) ? address
        : IPEndPoint.TryParse(value, out var endpoint) ? endpoint.Address
        : null;

    private static string Key(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
