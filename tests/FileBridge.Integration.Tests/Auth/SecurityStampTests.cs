using System.Net;
using Azure.Data.Tables;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;
using FileBridge.Testing;
using Microsoft.Extensions.Options;

namespace FileBridge.Integration.Tests.Auth;

/// <summary>
/// Security stamps through the DevHost on real Azurite: a change to the password, <c>Disabled</c>, <c>Prefixes</c>
/// or a revoke ends every session at its next request, even one no scan of the Sessions table could have found.
/// The changes are made with the app's own store, as the admin tool makes them.
/// </summary>
public sealed class SecurityStampTests(DevHostFixture fixture) : IClassFixture<DevHostFixture>
{
    private const string OldPassword = "the old password of the account";
    private const string NewPassword = "the new password after a leak";

    [Fact]
    public async Task SignInRacingSetPassword_NoSessionCreatedUnderTheOldStampAnswersAfterTheReset()
    {
        var raced = 0;
        for (var round = 0; round < 5 && raced == 0; round++)
        {
            var name = LoginTests.NewName();
            await fixture.Users.AddAsync(name, OldPassword);
            using var client = fixture.Host.CreateClient();

            // The sign-ins read the row and start hashing; the reset lands while they hash, as set-password does it:
            // new hash (and stamp) first, then the sessions its index names are deleted.
            var checksBefore = fixture.PasswordChecks;
            var signIns = Enumerable.Range(0, 3).Select(_ => SignInAsync(client, name, OldPassword)).ToList();
            await Poll.UntilAsync(() => fixture.PasswordChecks > checksBefore, "a sign-in to start its password check");
            await fixture.Users.Store.UpdateAsync(name, new UserChange(PasswordHash: TestUsers.Hash(NewPassword), ResetLockout: true), CancellationToken.None);
            await SessionTables.EndAllForUserAsync(fixture.Settings, name);
            var tokens = (await Task.WhenAll(signIns)).OfType<string>().ToList();
            raced += tokens.Count;

            foreach (var token in tokens)
            {
                using var me = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));
                await ProblemAssert.IsProblemAsync(me, HttpStatusCode.Unauthorized, "unauthenticated");
            }

            var fresh = await ApiSession.SignInAsync(client, name, NewPassword);
            using var freshMe = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", fresh));
            Assert.Equal(HttpStatusCode.OK, freshMe.StatusCode);
        }

        // Without a sign-in that verified the old password while the reset landed, this test would prove nothing.
        Assert.True(raced > 0, "no sign-in raced the reset in 5 rounds");
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("sessions-revoke")]
    [InlineData("set-password")]
    public async Task Change_EndsExistingSessionsAtTheirNextRequest(string change)
    {
        var name = LoginTests.NewName();
        await fixture.Users.AddAsync(name, OldPassword, prefixes: "home/alice/");
        using var client = fixture.Host.CreateClient();
        var first = await ApiSession.SignInAsync(client, name, OldPassword);
        var second = await ApiSession.SignInAsync(client, name, OldPassword);
        using var before = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", first));

        // Only the row changes: the session rows stay, so nothing but the stamp can end them.
        await fixture.Users.Store.UpdateAsync(name, Change(change), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        using var me = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", first));
        await ProblemAssert.IsProblemAsync(me, HttpStatusCode.Unauthorized, "unauthenticated");
        using var files = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/files", second));
        await ProblemAssert.IsProblemAsync(files, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task DisplayNameChange_KeepsSessions()
    {
        var name = LoginTests.NewName();
        await fixture.Users.AddAsync(name, OldPassword);
        using var client = fixture.Host.CreateClient();
        var token = await ApiSession.SignInAsync(client, name, OldPassword);

        await fixture.Users.Store.UpdateAsync(name, new UserChange(DisplayName: "Renamed"), CancellationToken.None);

        using var me = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task RowWrittenBeforeStamps_KeepsWorkingUntilItsNextChange()
    {
        var name = LoginTests.NewName();
        var users = new TableServiceClient(TestEnvironment.AzuriteConnectionString).GetTableClient(fixture.Settings["Users:TableName"]);
        await users.CreateIfNotExistsAsync();
        await users.AddEntityAsync(new TableEntity(name, name)
        {
            ["PasswordHash"] = TestUsers.Hash(OldPassword),
            ["DisplayName"] = "Old Row",
            ["Disabled"] = false,
        });
        using var client = fixture.Host.CreateClient();
        var token = await ApiSession.SignInAsync(client, name, OldPassword);
        using var before = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));

        await fixture.Users.Store.UpdateAsync(name, new UserChange(RevokeSessions: true), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        using var after = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));
        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.False(string.IsNullOrEmpty((await users.GetEntityAsync<TableEntity>(name, name)).Value.GetString("SecurityStamp")));
    }

    private static UserChange Change(string change) => change switch
    {
        "disable" => new UserChange(Disabled: true),
        "sessions-revoke" => new UserChange(RevokeSessions: true),
        "set-password" => new UserChange(PasswordHash: TestUsers.Hash(NewPassword), ResetLockout: true),
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    private static async Task<string?> SignInAsync(HttpClient client, string name, string password)
    {
        using var response = await ApiSession.LoginAsync(client, name, password);
        return response.StatusCode == HttpStatusCode.OK ? ApiSession.SessionToken(response) : null;
    }
}
