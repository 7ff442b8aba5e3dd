using System.Security.Cryptography;
using FileBridge.Core.Login.Devices;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Login;

public sealed class DeviceCookiesTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Issue_ThenValidate_GivesThePersonDeviceAndEpoch()
    {
        var cookies = new DeviceCookies(new DeviceKeySource(_key), _time);

        var (value, expiresAt) = cookies.Issue("alice", "epoch-1");
        var device = cookies.Validate(value);

        Assert.NotNull(device);
        Assert.Equal("alice", device.UserId);
        Assert.Equal("epoch-1", device.DeviceEpoch);
        Assert.Equal(22, device.DeviceId.Length);
        Assert.Equal(_time.GetUtcNow() + DeviceCookies.Lifetime, expiresAt);
        Assert.DoesNotContain("alice", value, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue_WithADeviceId_KeepsIt_WithoutOne_MakesANewOneEachTime()
    {
        var cookies = new DeviceCookies(new DeviceKeySource(_key), _time);

        var kept = cookies.Validate(cookies.Issue("alice", "e", "device-a").Value)!;
        var first = cookies.Validate(cookies.Issue("alice", "e").Value)!;
        var second = cookies.Validate(cookies.Issue("alice", "e").Value)!;

        Assert.Equal("device-a", kept.DeviceId);
        Assert.NotEqual(first.DeviceId, second.DeviceId);
    }

    [Fact]
    public void Validate_AnotherKeysCookie_IsNull()
    {
        var forged = new DeviceCookies(new DeviceKeySource(RandomNumberGenerator.GetBytes(32)), _time).Issue("alice", "epoch-1").Value;

        Assert.Null(new DeviceCookies(new DeviceKeySource(_key), _time).Validate(forged));
    }

    [Fact]
    public void Validate_PayloadChangedUnderTheSameMac_IsNull()
    {
        var cookies = new DeviceCookies(new DeviceKeySource(_key), _time);
        var parts = cookies.Issue("alice", "epoch-1").Value.Split('.');
        var bob = cookies.Issue("bob", "epoch-1").Value.Split('.');

        Assert.Null(cookies.Validate($"{parts[0]}.{bob[1]}.{parts[2]}"));
    }

    [Fact]
    public void Validate_AfterNinetyDays_IsNull()
    {
        var cookies = new DeviceCookies(new DeviceKeySource(_key), _time);
        var value = cookies.Issue("alice", "epoch-1").Value;

        _time.Advance(DeviceCookies.Lifetime);

        Assert.Null(cookies.Validate(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1")]
    [InlineData("v1..")]
    [InlineData("v1.!!!.!!!")]
    [InlineData("v2.YWxpY2U.YWxpY2U")]
    public void Validate_Garbage_IsNull(string? value)
    {
        Assert.Null(new DeviceCookies(new DeviceKeySource(_key), _time).Validate(value));
    }

    [Fact]
    public void IsCurrentEpoch_ComparesTheAccountsEpoch()
    {
        var device = new DeviceIdentity("alice", "d", "epoch-1", _time.GetUtcNow());

        Assert.True(DeviceCookies.IsCurrentEpoch(device, "epoch-1"));
        Assert.False(DeviceCookies.IsCurrentEpoch(device, "epoch-2"));
        Assert.False(DeviceCookies.IsCurrentEpoch(device, string.Empty));
    }

    [Fact]
    public void DeviceKeySource_ShortKey_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new DeviceKeySource(new byte[16]));
    }
}
