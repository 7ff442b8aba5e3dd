using System.Net;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Auth;

public sealed class LockoutTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Login_AfterMaxFailures_AnswersTooManyAttemptsUntilLockExpires()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Login:MaxFailedAttempts"] = "3";
        var clock = new TestClock();
        await using var host = InProcessDevHost.Start(settings, clock);
        var name = LoginTests.NewName();
        await new TestUsers(settings).AddAsync(name, Password);
        using var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var failed = await ApiSession.LoginAsync(client, name, "wrong password");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var locked = await ApiSession.LoginAsync(client, name, Password);

        await ProblemAssert.IsProblemAsync(locked, HttpStatusCode.TooManyRequests, "too_many_attempts");
        var retryAfter = TimeSpan.FromSeconds(int.Parse(Assert.Single(locked.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture));
        // The default lockout: 15 minutes, to the second.
        Assert.Equal(TimeSpan.FromMinutes(15), retryAfter);

        clock.Advance(retryAfter - TimeSpan.FromSeconds(1));
        using var stillLocked = await ApiSession.LoginAsync(client, name, Password);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var afterExpiry = await ApiSession.LoginAsync(client, name, Password);
        await ProblemAssert.IsProblemAsync(stillLocked, HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.Equal("1", Assert.Single(stillLocked.Headers.GetValues("Retry-After")));
        Assert.Equal(HttpStatusCode.OK, afterExpiry.StatusCode);
    }

    [Fact]
    public async Task Login_ConcurrentFailures_AreAllCounted()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Login:MaxFailedAttempts"] = "50";
        await using var host = InProcessDevHost.Start(settings);
        var name = LoginTests.NewName();
        var users = new TestUsers(settings);
        await users.AddAsync(name, Password);
        using var client = host.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => ApiSession.LoginAsync(client, name, "wrong password")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var row = await users.Table.GetEntityAsync<Azure.Data.Tables.TableEntity>(name, name);
        Assert.Equal(12, row.Value.GetInt32("FailedLogins"));
    }

    [Fact]
    public async Task Login_ConcurrentFailuresPastTheLimit_LockTheAccount()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Login:MaxFailedAttempts"] = "5";
        await using var host = InProcessDevHost.Start(settings);
        var name = LoginTests.NewName();
        var users = new TestUsers(settings);
        await users.AddAsync(name, Password);
        using var client = host.CreateClient();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ApiSession.LoginAsync(client, name, "wrong password")));
        using var right = await ApiSession.LoginAsync(client, name, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        var account = await users.Store.FindAsync(name, CancellationToken.None);
        Assert.True(account!.LockedUntil > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task Login_Success_ResetsTheFailureCount()
    {
        var settings = TestEnvironment.BaseSettings();
        await using var host = InProcessDevHost.Start(settings);
        var name = LoginTests.NewName();
        var users = new TestUsers(settings);
        await users.AddAsync(name, Password);
        using var client = host.CreateClient();
        using var failed = await ApiSession.LoginAsync(client, name, "wrong password");

        await ApiSession.SignInAsync(client, name, Password);

        var account = await users.Store.FindAsync(name, CancellationToken.None);
        Assert.Equal(0, account!.FailedLogins);
    }
}
