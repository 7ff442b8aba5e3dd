using System.Net;
using System.Text.Json;
using static FileBridge.Integration.Tests.Locations.LocationsFixture;

namespace FileBridge.Integration.Tests.Locations;

/// <summary>/api/files/search across locations, against the real local endpoint, with a scan limit of 500 keys.</summary>
public sealed class SearchApiTests(LocationsFixture fixture) : IClassFixture<LocationsFixture>
{
    [Fact]
    public async Task Search_Subtree_MatchesAtEveryDepthWithPathsRelativeToTheFolder()
    {
        using var body = await fixture.GetJsonAsync("api/files/search?prefix=logs/app/&q=APP-0", fixture.EverythingToken);

        var root = body.RootElement;
        Assert.Equal("logs/app/", root.GetProperty("prefix").GetString());
        Assert.Equal("APP-0", root.GetProperty("query").GetString());
        Assert.Equal(Enumerable.Range(1, 9).Select(d => $"logs/app/2025/01/app-{d:D2}.log"), Strings(root, "files", "key"));
        Assert.Equal("2025/01/app-01.log", Strings(root, "files", "name")[0]);
        Assert.Equal(31, root.GetProperty("scanned").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Search_Root_FindsMatchesInEveryLocation()
    {
        var keys = await SearchAllAsync("", "notes", fixture.EverythingToken);

        Assert.Contains("demo/projects/alpha/notes.txt", keys);
        Assert.Contains("alpha/notes.txt", keys);
        Assert.Contains("logs/preview/notes.txt", keys);
        Assert.Contains("demo/home/bob/notes/2024-06-01.md", keys);
    }

    [Fact]
    public async Task Search_FolderLargerThanTheScanLimit_ContinuesByCursorUntilDone()
    {
        var keys = new List<string>();
        var scannedPerPage = new List<int>();
        string? cursor = null;
        do
        {
            using var body = await fixture.GetJsonAsync(
                "api/files/search?prefix=demo/archive/2024/&q=log-&limit=1000" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"),
                fixture.EverythingToken);
            keys.AddRange(Strings(body.RootElement, "files", "key"));
            scannedPerPage.Add(body.RootElement.GetProperty("scanned").GetInt32());
            cursor = body.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && scannedPerPage.Count < 20);

        Assert.Equal([ScanLimit, ScanLimit, 200], scannedPerPage);
        Assert.Equal(1200, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(1200, keys.Count);
    }

    [Fact]
    public async Task Search_LimitReachedMidPage_ResumesAfterTheLastMatch()
    {
        using var first = await fixture.GetJsonAsync("api/files/search?prefix=demo/archive/&q=log-00&limit=5", fixture.EverythingToken);
        var cursor = first.RootElement.GetProperty("nextCursor").GetString()!;
        using var second = await fixture.GetJsonAsync($"api/files/search?prefix=demo/archive/&q=log-00&limit=5&cursor={Uri.EscapeDataString(cursor)}", fixture.EverythingToken);

        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"demo/archive/2024/log-{i:D4}.txt"), Strings(first.RootElement, "files", "key"));
        Assert.Equal(Enumerable.Range(6, 5).Select(i => $"demo/archive/2024/log-{i:D4}.txt"), Strings(second.RootElement, "files", "key"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("demo/home/")]
    [InlineData("demo/")]
    [InlineData("logs/")]
    public async Task Search_PrefixLimitedUser_NeverGetsAKeyOutsideTheGrants(string prefix)
    {
        var keys = await SearchAllAsync(prefix, "o", fixture.MixedToken);

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.True(k.StartsWith("demo/home/alice/", StringComparison.Ordinal) || k.StartsWith("logs/app/", StringComparison.Ordinal), k));
    }

    [Fact]
    public async Task Search_PrefixLimitedUser_AboveTheGrants_FindsWhatLiesUnderThem()
    {
        var keys = await SearchAllAsync("", "todo", fixture.MixedToken);

        Assert.Equal(["demo/home/alice/todo.txt"], keys);
    }

    [Theory]
    [InlineData("logs/preview/")]
    [InlineData("demo/home/bob/")]
    [InlineData("alpha/")]
    public async Task Search_FolderOutsideTheGrants_IsForbidden(string prefix)
    {
        using var response = await fixture.SendAsync($"api/files/search?prefix={prefix}&q=a", fixture.MixedToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden_prefix");
    }

    [Theory]
    [InlineData("api/files/search?prefix=demo/")]
    [InlineData("api/files/search?prefix=demo/&q=")]
    [InlineData("api/files/search?prefix=demo/&q=%20%20")]
    [InlineData("api/files/search?prefix=demo/&q=a&limit=0")]
    [InlineData("api/files/search?prefix=demo/&q=a&limit=1001")]
    [InlineData("api/files/search?prefix=demo/&q=a&cursor=not-a-cursor")]
    [InlineData("api/files/search?prefix=demo/../&q=a")]
    [InlineData("api/files/search?prefix=demo/&q=a&q=b")]
    public async Task Search_BadInput_Is400(string uri)
    {
        using var response = await fixture.SendAsync(uri, fixture.EverythingToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task Search_OverLongQuery_Is400()
    {
        using var response = await fixture.SendAsync($"api/files/search?prefix=demo/&q={new string('x', 201)}", fixture.EverythingToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task Search_CursorOfAnotherQuery_Is400()
    {
        using var first = await fixture.GetJsonAsync("api/files/search?prefix=demo/archive/&q=log&limit=1", fixture.EverythingToken);
        var cursor = first.RootElement.GetProperty("nextCursor").GetString()!;

        using var response = await fixture.SendAsync($"api/files/search?prefix=demo/archive/&q=txt&cursor={Uri.EscapeDataString(cursor)}", fixture.EverythingToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task Search_WithoutSession_Is401()
    {
        using var response = await fixture.SendAsync("api/files/search?q=a", null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    private async Task<List<string>> SearchAllAsync(string prefix, string q, string token)
    {
        var keys = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var body = await fixture.GetJsonAsync(
                $"api/files/search?prefix={Uri.EscapeDataString(prefix)}&q={Uri.EscapeDataString(q)}&limit=1000" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"),
                token);
            keys.AddRange(Strings(body.RootElement, "files", "key"));
            cursor = body.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && ++pages < 50);

        return keys;
    }
}
