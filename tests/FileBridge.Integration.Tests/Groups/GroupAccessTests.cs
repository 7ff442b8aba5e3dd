using System.Net;
using Azure;
using Azure.Data.Tables;
using FileBridge.Core.Groups;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;
using FileBridge.Integration.Tests.Aws;
using FileBridge.Testing;
using Microsoft.Extensions.Options;

namespace FileBridge.Integration.Tests.Groups;

/// <summary>
/// Access by team through the DevHost, the real Azurite and the real local endpoint (which enforces each session
/// policy). Changes are written from outside the app, as the admin tool writes them; the app sees them at the next
/// request after <c>Sessions:RevalidateAfter</c>, without ending anyone's session.
/// </summary>
public sealed class GroupAccessTests
{
    private const string Password = "group access password 1";

    private readonly Dictionary<string, string?> _settings = TestEnvironment.BaseSettings();
    private readonly TestClock _clock = new();
    private readonly FaultInjectingHttpClientFactory _aws = new();
    private readonly TestUsers _users;
    private readonly TableGroupStore _groups;

    public GroupAccessTests()
    {
        _users = new TestUsers(_settings);
        _groups = new TableGroupStore(
            new TableServiceClient(TestEnvironment.AzuriteConnectionString),
            Options.Create(new GroupsOptions { TableName = _settings["Groups:TableName"]! }));
    }

    [Fact]
    public async Task GroupGrant_LetsMembersReadAndRemovalsCountAtTheNextRequestAfterTheWindow_WithNewCredentials()
    {
        await _groups.AddAsync(new AccessGroup("readers", "Readers", ["home/alice/", "home/bob/"], ETag.All), CancellationToken.None);
        await AddMemberAsync("grp-ann", "readers");
        await AddMemberAsync("grp-ben", "readers");
        await using var host = InProcessDevHost.Start(_settings, _clock, _aws);
        using var client = host.CreateClient();
        var ann = await ApiSession.SignInAsync(client, "grp-ann", Password);
        var ben = await ApiSession.SignInAsync(client, "grp-ben", Password);

        using (var listing = await SendAsync(client, "api/files?prefix=home/alice/", ann))
        using (var download = await SendAsync(client, "api/files/download?key=home/bob/todo.txt", ann))
        using (var benListing = await SendAsync(client, "api/files?prefix=home/bob/", ben))
        {
            Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
            Assert.Contains("home/alice/todo.txt", await listing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Found, download.StatusCode);
            Assert.Equal(HttpStatusCode.OK, benListing.StatusCode);
        }

        var before = _aws.StsCalls;
        var group = (await _groups.FindAsync("readers", CancellationToken.None))!;
        Assert.True(await _groups.TryUpdateAsync(group with { Prefixes = ["home/alice/"] }, CancellationToken.None));
        await _users.Store.UpdateAsync("grp-ben", new UserChange(Groups: []), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(5));

        using (var revoked = await SendAsync(client, "api/files/download?key=home/bob/todo.txt", ann))
        using (var kept = await SendAsync(client, "api/files?prefix=home/alice/", ann))
        using (var removed = await SendAsync(client, "api/files?prefix=home/bob/", ben))
        using (var benMe = await SendAsync(client, "api/auth/me", ben))
        using (var annMe = await SendAsync(client, "api/auth/me", ann))
        {
            await ProblemAssert.IsProblemAsync(revoked, HttpStatusCode.Forbidden, "forbidden_prefix");
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
            await ProblemAssert.IsProblemAsync(removed, HttpStatusCode.Forbidden, "forbidden_prefix");
            // Grant changes never end sessions.
            Assert.Equal(HttpStatusCode.OK, benMe.StatusCode);
            Assert.Equal(HttpStatusCode.OK, annMe.StatusCode);
        }

        // The listing under the narrower scope assumed the role anew: the credentials for both folders were not reused.
        Assert.Equal(before + 1, _aws.StsCalls);
        var latest = _aws.StsPolicies.Last()!;
        Assert.Contains("home/alice/", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("home/bob/", latest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserDeleted_SessionsEndAndAuditRowsStay()
    {
        await _users.AddAsync("grp-gone", Password, prefixes: "home/alice/");
        await using var host = InProcessDevHost.Start(_settings, _clock, _aws);
        using var client = host.CreateClient();
        var token = await ApiSession.SignInAsync(client, "grp-gone", Password);
        using (var listing = await SendAsync(client, "api/files?prefix=home/alice/", token))
        {
            Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        }

        var audit = new AuditRows(_settings);
        await audit.WaitForAsync(rows => rows.Any(r => (string)r["Action"] == "list" && (string)r["UserId"] == "grp-gone"));

        // What 'users delete' does: the row goes (ETag-guarded), then the sessions.
        var user = (await _users.Store.FindAsync("grp-gone", CancellationToken.None))!;
        Assert.True(await _users.Store.TryDeleteAsync(user, CancellationToken.None));
        Assert.Equal(1, await SessionTables.EndAllForUserAsync(_settings, "grp-gone"));
        _clock.Advance(TimeSpan.FromSeconds(5));

        using var me = await SendAsync(client, "api/auth/me", token);
        using var after = await SendAsync(client, "api/files?prefix=home/alice/", token);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var rows = await audit.AllAsync();
        Assert.Contains(rows, r => (string)r["Action"] == "list" && (string)r["UserId"] == "grp-gone");
        Assert.Contains(rows, r => (string)r["Action"] == "sign-in" && (string)r["UserId"] == "grp-gone");
    }

    private async Task AddMemberAsync(string name, string group)
    {
        await _users.AddAsync(name, Password);
        await _users.Store.UpdateAsync(name, new UserChange(Groups: [group]), CancellationToken.None);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string uri, string token) =>
        client.SendAsync(ApiSession.Request(HttpMethod.Get, uri, token));
}
