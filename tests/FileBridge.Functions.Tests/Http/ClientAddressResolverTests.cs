using System.Net;
using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Tests.Http;

public sealed class ClientAddressResolverTests
{
    [Fact]
    public void Resolve_NoHeaderConfigured_IgnoresSpoofedForwardingHeaders()
    {
        var context = Request("203.0.113.7", ("X-Forwarded-For", "198.51.100.1"), ("X-Real-IP", "198.51.100.2"));

        var address = Resolver(null).Resolve(context);

        Assert.Equal("203.0.113.7", address);
    }

    [Fact]
    public void Resolve_HeaderConfigured_TakesTheLastEntryTheFrontEndAppended()
    {
        var context = Request("10.0.0.4", ("X-Forwarded-For", "198.51.100.1, 203.0.113.9:51234"));

        var address = Resolver("X-Forwarded-For").Resolve(context);

        Assert.Equal("203.0.113.9", address);
    }

    [Fact]
    public void Resolve_HeaderConfiguredButMissingOrGarbage_FallsBackToTheSocket()
    {
        Assert.Equal("10.0.0.4", Resolver("X-Forwarded-For").Resolve(Request("10.0.0.4")));
        Assert.Equal("10.0.0.4", Resolver("X-Forwarded-For").Resolve(Request("10.0.0.4", ("X-Forwarded-For", "not an address"))));
    }

    [Theory]
    [InlineData("[2001:db8:1:2:aaaa:bbbb:cccc:dddd]:443", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64")]
    [InlineData("::ffff:192.0.2.10", "192.0.2.10")]
    public void Resolve_Ipv6_CountsPerSlash64AndUnmapsIpv4(string header, string expected)
    {
        var address = Resolver("X-Client-IP").Resolve(Request("10.0.0.4", ("X-Client-IP", header)));

        Assert.Equal(expected, address);
    }

    [Theory]
    [InlineData("6f3c1d2e-8a4b-4c5d-9e0f-1a2b3c4d5e6f", "198.51.100.1")]
    [InlineData("00000000-0000-0000-0000-000000000000", "10.0.0.4")]
    [InlineData(null, "10.0.0.4")]
    public void Resolve_FrontDoorRequired_BelievesTheHeaderOnlyFromThatFrontDoor(string? frontDoorId, string expected)
    {
        var resolver = new ClientAddressResolver(Options.Create(new WebOptions
        {
            ClientAddressHeader = "X-FileBridge-Client-Address",
            RequiredFrontDoorId = "6f3c1d2e-8a4b-4c5d-9e0f-1a2b3c4d5e6f",
        }));
        (string Name, string Value)[] headers = frontDoorId is null
            ? [("X-FileBridge-Client-Address", "198.51.100.1")]
            : [("X-FileBridge-Client-Address", "198.51.100.1"), (FrontDoorCheck.HeaderName, frontDoorId)];

        var address = resolver.Resolve(Request("10.0.0.4", headers));

        Assert.Equal(expected, address);
    }

    private static ClientAddressResolver Resolver(string? header) => new(Options.Create(new WebOptions { ClientAddressHeader = header }));

    private static DefaultHttpContext Request(string socket, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(socket);
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context;
    }
}
