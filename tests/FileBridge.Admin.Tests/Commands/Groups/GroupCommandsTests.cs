using System.Text.Json;
using Azure.Data.Tables;
using FileBridge.Admin.Cli;

namespace FileBridge.Admin.Tests.Commands.Groups;

/// <summary>
/// <c>groups ...</c> against the real Azurite, several checks per run of the tool (each run starts a process).
/// </summary>
public sealed class GroupCommandsTests
{
    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task Lifecycle_AddGrantMembersShowListRevokeDelete_WritesRowsReportsEachStepAndAuditsIt()
    {
        await _context.Users.AddAsync("alice", "a password of alice");
        await _context.Users.AddAsync("bob", "a password of bob");
        var stampBefore = (await _context.UserRowAsync("alice"))["SecurityStamp"];

        var add = await _context.RunAsync("groups", "add", "Ops", "--display-name", "Operations", "--prefixes", "logs/app;logs/db/");
        var members = await _context.RunAsync("groups", "add-member", "ops", "alice", "BOB");
        var again = await _context.RunAsync("groups", "add-member", "ops", "alice");
        var grant = await _context.RunAsync("groups", "grant", "ops", "reports/");
        var show = await _context.RunAsync("groups", "show", "ops", "--json");
        var list = await _context.RunAsync("groups", "list", "--json");
        var revoke = await _context.RunAsync("groups", "revoke", "ops", "logs/db/");

        Assert.True(add.ExitCode == ExitCodes.Success, add.ToString());
        Assert.Contains("Added group 'ops', granting logs/app/;logs/db/", add.Output, StringComparison.Ordinal);
        Assert.True(members.ExitCode == ExitCodes.Success, members.ToString());
        Assert.Contains("Added 'alice' to group 'ops'.", members.Output, StringComparison.Ordinal);
        Assert.Contains("Added 'bob' to group 'ops'.", members.Output, StringComparison.Ordinal);
        Assert.Contains("'alice' is already in group 'ops'.", again.Output, StringComparison.Ordinal);
        Assert.True(grant.ExitCode == ExitCodes.Success, grant.ToString());
        var shown = JsonDocument.Parse(show.Output).RootElement;
        Assert.Equal("ops", shown.GetProperty("name").GetString());
        Assert.Equal("Operations", shown.GetProperty("displayName").GetString());
        Assert.Equal(["logs/app/", "logs/db/", "reports/"], shown.GetProperty("prefixes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["alice", "bob"], shown.GetProperty("members").EnumerateArray().Select(e => e.GetString()));
        var listed = JsonDocument.Parse(Assert.Single(Lines(list.Output))).RootElement;
        Assert.Equal(2, listed.GetProperty("members").GetInt32());
        Assert.True(revoke.ExitCode == ExitCodes.Success, revoke.ToString());
        Assert.Equal("logs/app/;reports/", (await _context.GroupRowAsync("ops"))!["Prefixes"]);
        Assert.Equal("ops", (await _context.UserRowAsync("alice"))["Groups"]);
        // Membership is a grant change: the person's sessions go on.
        Assert.Equal(stampBefore, (await _context.UserRowAsync("alice"))["SecurityStamp"]);

        var refused = await _context.RunAsync("groups", "delete", "ops");
        var setPrefixes = await _context.RunAsync("groups", "set-prefixes", "ops", "");
        var removed = await _context.RunAsync("groups", "remove-member", "ops", "bob", "alice");
        var notMember = await _context.RunAsync("groups", "remove-member", "ops", "bob");
        await _context.RunAsync("groups", "add-member", "ops", "bob");
        var deleted = await _context.RunAsync("groups", "delete", "ops", "--remove-members");
        var audit = await _context.RunAsync("audit", "list", "--json", "--limit", "100");

        Assert.NotEqual(ExitCodes.Success, refused.ExitCode);
        Assert.Contains("has 2 member(s) (alice, bob); nothing was deleted", refused.Error, StringComparison.Ordinal);
        Assert.True(setPrefixes.ExitCode == ExitCodes.Success, setPrefixes.ToString());
        Assert.Contains("Removed 'bob' from group 'ops'.", removed.Output, StringComparison.Ordinal);
        Assert.Contains("Removed 'alice' from group 'ops'.", removed.Output, StringComparison.Ordinal);
        Assert.Contains("'bob' is not in group 'ops'.", notMember.Output, StringComparison.Ordinal);
        Assert.True(deleted.ExitCode == ExitCodes.Success, deleted.ToString());
        Assert.Null(await _context.GroupRowAsync("ops"));
        Assert.Equal(string.Empty, (await _context.UserRowAsync("bob"))["Groups"]);
        var actions = Lines(audit.Output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("action").GetString()).ToHashSet();
        Assert.Superset(
            new HashSet<string?>
            {
                "admin:groups-add", "admin:groups-add-member", "admin:groups-grant", "admin:groups-show", "admin:groups-list",
                "admin:groups-revoke", "admin:groups-delete", "admin:groups-set-prefixes", "admin:groups-remove-member",
            },
            actions);
    }

    [Fact]
    public async Task BadInput_ClearMessageNonZeroExitAndNothingWritten()
    {
        _context.Settings["Files:Locations:0:Name"] = "logs";
        _context.Settings["Files:Locations:0:Bucket"] = "acme-logs";
        await _context.Users.AddAsync("alice", "a password of alice");
        await _context.RunAsync("groups", "add", "ops", "--prefixes", "logs/app/");
        var before = (await _context.GroupRowAsync("ops"))!.ETag;

        var unknownGroup = await _context.RunAsync("groups", "grant", "nope", "logs/x/");
        var unknownUser = await _context.RunAsync("groups", "add-member", "ops", "alice", "nobody");
        var star = await _context.RunAsync("groups", "grant", "ops", "logs/a*/");
        var starAlone = await _context.RunAsync("groups", "grant", "ops", "*");
        var outside = await _context.RunAsync("groups", "set-prefixes", "ops", "logs/app/;elsewhere/");
        var tooLong = await _context.RunAsync("groups", "grant", "ops", "logs/" + string.Concat(Enumerable.Repeat("a-very-long-folder-name/", 27)));
        var badName = await _context.RunAsync("groups", "add", "two words");
        var duplicate = await _context.RunAsync("groups", "add", "OPS");
        var notGranted = await _context.RunAsync("groups", "revoke", "ops", "logs/db/");
        var unknownShow = await _context.RunAsync("groups", "show", "nope");

        Assert.Equal(ExitCodes.GroupNotFound, unknownGroup.ExitCode);
        Assert.Contains("There is no group named 'nope'.", unknownGroup.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UserNotFound, unknownUser.ExitCode);
        Assert.Contains("No user named 'nobody'; nothing was changed.", unknownUser.Error, StringComparison.Ordinal);
        Assert.False((await _context.UserRowAsync("alice")).ContainsKey("Groups"), "alice was written before every name was checked");
        Assert.Equal(ExitCodes.InvalidInput, star.ExitCode);
        Assert.Contains("'*', '?' or '${'", star.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, starAlone.ExitCode);
        Assert.Contains("use set-prefixes", starAlone.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, outside.ExitCode);
        Assert.Contains("'elsewhere/' names no location", outside.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, tooLong.ExitCode);
        Assert.StartsWith("grant_too_long:", tooLong.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, badName.ExitCode);
        Assert.Contains("is not a valid group name", badName.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.GroupAlreadyExists, duplicate.ExitCode);
        Assert.Contains("A group named 'ops' already exists.", duplicate.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, notGranted.ExitCode);
        Assert.Contains("logs/db/ is not among the grants of group 'ops'", notGranted.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.GroupNotFound, unknownShow.ExitCode);
        var after = (await _context.GroupRowAsync("ops"))!;
        Assert.Equal(before, after.ETag);
        Assert.Equal("logs/app/", after["Prefixes"]);
        Assert.Null(await _context.GroupRowAsync("nope"));
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
