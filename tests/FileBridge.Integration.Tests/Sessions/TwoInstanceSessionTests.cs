using FileBridge.Core.DependencyInjection;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;
using FileBridge.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Integration.Tests.Sessions;

/// <summary>
/// Two app instances (two service providers over the same Azurite tables, one fake clock): what one instance ends is
/// refused there at once and on the other within <c>Sessions:RevalidateAfter</c> (README.md, "Per-request cost").
/// </summary>
public sealed class TwoInstanceSessionTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private const string Password = "two instances 1";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly Dictionary<string, string?> _settings = TestEnvironment.BaseSettings();
    private readonly IHost _a;
    private readonly IHost _b;

    public TwoInstanceSessionTests()
    {
        _settings["Sessions:RevalidateAfter"] = "00:00:05";
        _a = Instance();
        _b = Instance();
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    [Fact]
    public async Task Revocation_IsRefusedAtOnceHere_AndWithinTheWindowThere()
    {
        var token = await SignedInOnBothAsync("revoked");

        await Users(_a).UpdateAsync("revoked", new UserChange(RevokeSessions: true), CancellationToken.None);
        await Sessions(_a).EndAllForUserAsync("revoked", CancellationToken.None);

        await AssertRefusedHereAndThereWithinTheWindowAsync(token);
    }

    [Fact]
    public async Task Disable_IsRefusedAtOnceHere_AndWithinTheWindowThere()
    {
        var token = await SignedInOnBothAsync("disabled");

        await Users(_a).UpdateAsync("disabled", new UserChange(Disabled: true), CancellationToken.None);

        await AssertRefusedHereAndThereWithinTheWindowAsync(token);
    }

    [Fact]
    public async Task PasswordChange_IsRefusedAtOnceHere_AndWithinTheWindowThere()
    {
        var token = await SignedInOnBothAsync("changed");

        await Users(_a).UpdateAsync("changed", new UserChange(PasswordHash: TestUsers.Hash("a new password 2")), CancellationToken.None);

        await AssertRefusedHereAndThereWithinTheWindowAsync(token);
    }

    [Fact]
    public async Task SignOut_IsRefusedAtOnceHere_AndWithinTheWindowThere()
    {
        var token = await SignedInOnBothAsync("leaver");

        await Sessions(_a).EndAsync(token, CancellationToken.None);

        await AssertRefusedHereAndThereWithinTheWindowAsync(token);
    }

    [Fact]
    public async Task WarmChecks_OnBothInstances_ShareNothingButTheTables()
    {
        var token = await SignedInOnBothAsync("warm");

        // Inside the window both answer from memory; past it both read again and still agree.
        _time.Advance(Window);

        Assert.Equal("warm", (await Sessions(_a).AuthenticateAsync(token, CancellationToken.None))?.Id);
        Assert.Equal("warm", (await Sessions(_b).AuthenticateAsync(token, CancellationToken.None))?.Id);
    }

    private async Task AssertRefusedHereAndThereWithinTheWindowAsync(string token)
    {
        Assert.Null(await Sessions(_a).AuthenticateAsync(token, CancellationToken.None));

        _time.Advance(Window);

        Assert.Null(await Sessions(_b).AuthenticateAsync(token, CancellationToken.None));
    }

    /// <summary>Signs in on A, then checks the session on both, so both remember its rows.</summary>
    private async Task<string> SignedInOnBothAsync(string name)
    {
        await new TestUsers(_settings).AddAsync(name, Password);
        var user = await _a.Services.GetRequiredService<TableUserStore>().FindAsync(name, CancellationToken.None);
        var token = (await Sessions(_a).StartAsync(user!, CancellationToken.None)).Token;
        Assert.Equal(name, (await Sessions(_a).AuthenticateAsync(token, CancellationToken.None))?.Id);
        Assert.Equal(name, (await Sessions(_b).AuthenticateAsync(token, CancellationToken.None))?.Id);
        return token;
    }

    private static SessionService Sessions(IHost host) => host.Services.GetRequiredService<SessionService>();

    private static IUserStore Users(IHost host) => host.Services.GetRequiredService<IUserStore>();

    private IHost Instance()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.AddFileBridgeSessions();
        // Built, not started: the checks need no hosted service.
        return builder.Build();
    }
}
