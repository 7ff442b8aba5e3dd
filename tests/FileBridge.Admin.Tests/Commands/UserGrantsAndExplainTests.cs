using System.Text.Json;
using Azure.Data.Tables;
using FileBridge.Admin.Cli;

namespace FileBridge.Admin.Tests.Commands;

/// <summary><c>users grant|revoke|show|delete</c>, <c>users list --json</c> and <c>access explain</c>, several checks per run.</summary>
public sealed class UserGrantsAndExplainTests
{
    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task GrantRevokeShow_EditOneGrantKeepTheRestAndTheSessions()
    {
        await _context.Users.AddAsync("alice", "a password of alice", prefixes: "reports/");
        await _context.RunAsync("groups", "add", "ops", "--prefixes", "logs/");
        await _context.RunAsync("groups", "add-member", "ops", "alice");
        var stamp = (await _context.UserRowAsync("alice"))["SecurityStamp"];

        var grant = await _context.RunAsync("users", "grant", "alice", "shared/team");
        var revoke = await _context.RunAsync("users", "revoke", "alice", "reports/");
        var missing = await _context.RunAsync("users", "revoke", "alice", "logs/");
        var star = await _context.RunAsync("users", "grant", "alice", "sh*red/");
        var unknown = await _context.RunAsync("users", "grant", "nobody", "shared/");
        var showJson = await _context.RunAsync("users", "show", "alice", "--json");
        var show = await _context.RunAsync("users", "show", "alice");
        var list = await _context.RunAsync("users", "list", "--json");

        Assert.True(grant.ExitCode == ExitCodes.Success, grant.ToString());
        Assert.True(revoke.ExitCode == ExitCodes.Success, revoke.ToString());
        Assert.Equal("shared/team/", (await _context.UserRowAsync("alice"))["Prefixes"]);
        Assert.Equal(stamp, (await _context.UserRowAsync("alice"))["SecurityStamp"]);
        Assert.Equal(ExitCodes.InvalidInput, missing.ExitCode);
        Assert.Contains("logs/ is not among the grants of 'alice'", missing.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, star.ExitCode);
        Assert.Equal(ExitCodes.UserNotFound, unknown.ExitCode);
        var shown = JsonDocument.Parse(showJson.Output).RootElement;
        Assert.Equal(["shared/team/"], shown.GetProperty("prefixes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["ops"], shown.GetProperty("groups").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            ["logs/ group:ops", "shared/team/ user"],
            shown.GetProperty("effective").EnumerateArray().Select(e => $"{e.GetProperty("grant").GetString()} {e.GetProperty("from").GetString()}"));
        Assert.Matches(@"logs/\s+group:ops", show.Output);
        Assert.Matches(@"shared/team/\s+user", show.Output);
        var row = JsonDocument.Parse(Assert.Single(list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;
        Assert.Equal("alice", row.GetProperty("name").GetString());
        Assert.Equal(2, row.GetProperty("effective").GetArrayLength());
        Assert.DoesNotContain("passwordHash", list.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(stamp.ToString()!, list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessExplain_AllowedDeniedUnknownMalformed_ExitCodesAndShapesAsTheContractSays()
    {
        await _context.Users.AddAsync("alice", "a password of alice", prefixes: "home/alice/");
        await _context.RunAsync("groups", "add", "ops", "--prefixes", "logs/app/;logs/db/");
        await _context.RunAsync("groups", "add-member", "ops", "alice");

        var allowed = await _context.RunAsync("access", "explain", "alice", "logs/app/today.log", "--json");
        var denied = await _context.RunAsync("access", "explain", "alice", "logs/web/today.log", "--json");
        var human = await _context.RunAsync("access", "explain", "ALICE", "home/alice/notes.txt");
        var unknown = await _context.RunAsync("access", "explain", "nobody", "logs/app/x");
        var malformed = await _context.RunAsync("access", "explain", "alice", "logs/../etc/passwd");

        Assert.Equal(0, allowed.ExitCode);
        Assert.Equal("""{"allowed":true,"grant":"logs/app/","from":"group:ops"}""", allowed.Output.Trim());
        Assert.Equal(3, denied.ExitCode);
        Assert.Equal(
            """{"allowed":false,"nearest":[{"grant":"logs/app/","from":"group:ops"},{"grant":"logs/db/","from":"group:ops"}]}""",
            denied.Output.Trim());
        Assert.Equal(0, human.ExitCode);
        Assert.Contains("'alice' may read home/alice/notes.txt: granted by home/alice/ from user.", human.Output, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("There is no user named 'nobody'.", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("is not a path", malformed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_RowGoesSessionsEndAuditRowsStay()
    {
        await _context.Users.AddAsync("alice", "a password of alice");
        var sessions = new TestSessions(_context);
        await sessions.AddAsync("alice", 2);
        await _context.RunAsync("users", "disable", "alice");
        await sessions.AddAsync("alice", 1);

        var deleted = await _context.RunAsync("users", "delete", "Alice");
        var again = await _context.RunAsync("users", "delete", "alice");

        Assert.True(deleted.ExitCode == ExitCodes.Success, deleted.ToString());
        Assert.Contains("Deleted user 'alice'; ended 1 session(s)", deleted.Output, StringComparison.Ordinal);
        Assert.Equal(0, await sessions.CountAsync("alice"));
        Assert.False((await _context.UsersTable.GetEntityIfExistsAsync<TableEntity>("alice", "alice")).HasValue);
        Assert.Equal(ExitCodes.UserNotFound, again.ExitCode);
        var actions = new List<string>();
        await foreach (var row in _context.AuditTable.QueryAsync<TableEntity>())
        {
            actions.Add($"{row["Action"]} {row["Target"]}");
        }

        Assert.Contains("admin:users-disable alice", actions);
        Assert.Contains("admin:users-delete alice", actions);
    }
}
