using System.Net;
using System.Text.Json;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Files;

/// <summary>/api/files and /api/files/download through the DevHost, against the real local S3/STS endpoint.</summary>
public sealed class FilesApiTests(FilesApiFixture fixture) : IClassFixture<FilesApiFixture>
{
    [Fact]
    public async Task List_Root_ShowsTopFoldersAndRootFiles()
    {
        using var body = await GetJsonAsync("api/files", fixture.WholeBucketToken);

        var root = body.RootElement;
        Assert.Equal("", root.GetProperty("prefix").GetString());
        Assert.Equal(["archive/", "home/", "projects/", "shared/"], Strings(root, "folders", "prefix"));
        Assert.Equal(["archive", "home", "projects", "shared"], Strings(root, "folders", "name"));
        Assert.Contains("README.txt", Strings(root, "files", "key"));
        Assert.Contains("quarterly-report.csv", Strings(root, "files", "key"));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("nextCursor").ValueKind);
        var readme = root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "README.txt");
        Assert.True(readme.GetProperty("size").GetInt64() > 0);
        Assert.True(readme.GetProperty("lastModified").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task List_Answer_IsNotCachedAnywhere()
    {
        using var response = await SendAsync("api/files", fixture.WholeBucketToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task List_NestedFolder_NamesAreRelative()
    {
        using var body = await GetJsonAsync("api/files?prefix=projects/alpha", fixture.WholeBucketToken);

        Assert.Equal("projects/alpha/", body.RootElement.GetProperty("prefix").GetString());
        Assert.Equal(["projects/alpha/specs/"], Strings(body.RootElement, "folders", "prefix"));
        Assert.Equal(["specs"], Strings(body.RootElement, "folders", "name"));
        Assert.Equal(["notes.txt"], Strings(body.RootElement, "files", "name"));
        Assert.Equal(["projects/alpha/notes.txt"], Strings(body.RootElement, "files", "key"));
    }

    [Theory]
    [InlineData(1000, 2)]
    [InlineData(250, 5)]
    public async Task List_PagingThroughArchive_ReturnsEveryKeyExactlyOnce(int limit, int expectedPages)
    {
        var keys = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var uri = $"api/files?prefix=archive/2024/&limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var body = await GetJsonAsync(uri, fixture.WholeBucketToken);
            var page = Strings(body.RootElement, "files", "key");
            Assert.InRange(page.Count, 1, limit);
            keys.AddRange(page);
            cursor = body.RootElement.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 100);

        Assert.Equal(expectedPages, pages);
        Assert.Equal(1200, keys.Count);
        Assert.Equal(1200, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enumerable.Range(1, 1200).Select(i => $"archive/2024/log-{i:D4}.txt"), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_CursorOfAnotherPrefix_IsBadRequest()
    {
        using var first = await GetJsonAsync("api/files?prefix=archive/2024/&limit=10", fixture.WholeBucketToken);
        var cursor = first.RootElement.GetProperty("nextCursor").GetString()!;

        using var response = await SendAsync($"api/files?prefix=home/&cursor={Uri.EscapeDataString(cursor)}", fixture.WholeBucketToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "bad_request");
    }

    [Theory]
    [InlineData("api/files?prefix=%2e%2e%2f")]
    [InlineData("api/files?prefix=home/../etc/")]
    [InlineData("api/files?prefix=/home/")]
    [InlineData("api/files?prefix=home%5Calice")]
    [InlineData("api/files?limit=0")]
    [InlineData("api/files?limit=1001")]
    [InlineData("api/files?limit=lots")]
    [InlineData("api/files?cursor=not-a-cursor")]
    [InlineData("api/files/download?key=")]
    [InlineData("api/files/download")]
    [InlineData("api/files/download?key=home/alice/")]
    [InlineData("api/files/download?key=home/alice/%2e%2e/bob/todo.txt")]
    [InlineData("api/files?prefix=home/alice/&prefix=projects/")]
    [InlineData("api/files?prefix=%EF%BF%BF/")]
    [InlineData("api/files/download?key=home/alice/todo.txt&key=README.txt")]
    [InlineData("api/files/download?key=README.txt&redirect=no")]
    [InlineData("api/files/download?key=README.txt&redirect=false&redirect=false")]
    public async Task BadInput_Is400(string uri)
    {
        using var response = await SendAsync(uri, fixture.WholeBucketToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "bad_request");
    }

    [Theory]
    [InlineData("api/files")]
    [InlineData("api/files/download?key=README.txt")]
    public async Task NoSession_Is401(string uri)
    {
        using var response = await SendAsync(uri, token: null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task LimitedUser_SeesOnlyTheWayToTheirFolder()
    {
        using var root = await GetJsonAsync("api/files", fixture.AliceToken);
        using var home = await GetJsonAsync("api/files?prefix=home/", fixture.AliceToken);
        using var own = await GetJsonAsync("api/files?prefix=home/alice/", fixture.AliceToken);

        Assert.Equal(["home/"], Strings(root.RootElement, "folders", "prefix"));
        Assert.Empty(Strings(root.RootElement, "files", "key"));
        Assert.Equal(["home/alice/"], Strings(home.RootElement, "folders", "prefix"));
        Assert.Contains("home/alice/todo.txt", Strings(own.RootElement, "files", "key"));
        Assert.Equal(["home/alice/notes/"], Strings(own.RootElement, "folders", "prefix"));
    }

    [Theory]
    [InlineData("api/files?prefix=home/bob/")]
    [InlineData("api/files?prefix=projects/")]
    [InlineData("api/files?prefix=home/alice-not/")]
    [InlineData("api/files/download?key=home/bob/todo.txt")]
    [InlineData("api/files/download?key=README.txt")]
    public async Task LimitedUser_OutsideTheirFolder_Is403(string uri)
    {
        using var response = await SendAsync(uri, fixture.AliceToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden_prefix");
    }

    [Fact]
    public async Task Download_RedirectsToAPresignedUrlWithTheExactBytes()
    {
        using var response = await SendAsync("api/files/download?key=home/alice/todo.txt", fixture.AliceToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        // The SDK signs against its skew-corrected clock (whole seconds from the server's Date header).
        Assert.InRange(ExpiresSeconds(location), 295, 305);
        using var s3 = new HttpClient();
        using var file = await s3.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("alice's to-do list\n- read the handbook\n"u8.ToArray(), await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Download_RedirectFalse_AnswersTheLinkAsJsonWithTheExactBytes()
    {
        using var answer = await GetJsonAsync("api/files/download?key=home/alice/todo.txt&redirect=false", fixture.AliceToken);

        var url = new Uri(answer.RootElement.GetProperty("url").GetString()!);
        Assert.InRange(ExpiresSeconds(url), 295, 305);
        Assert.True(answer.RootElement.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        using var s3 = new HttpClient();
        using var file = await s3.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("alice's to-do list\n- read the handbook\n"u8.ToArray(), await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Download_RedirectFalseOutsideTheirFolder_Is403WithNoLink()
    {
        using var response = await SendAsync("api/files/download?key=README.txt&redirect=false", fixture.AliceToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden_prefix");
    }

    [Fact]
    public async Task Download_MissingKey_Is404()
    {
        using var response = await SendAsync("api/files/download?key=home/alice/no-such-file.txt", fixture.AliceToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    private async Task<HttpResponseMessage> SendAsync(string uri, string? token)
    {
        using var client = fixture.Host.CreateClient();
        using var request = ApiSession.Request(HttpMethod.Get, uri, token);
        return await client.SendAsync(request);
    }

    private async Task<JsonDocument> GetJsonAsync(string uri, string token)
    {
        using var response = await SendAsync(uri, token);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{uri} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }

    private static int ExpiresSeconds(Uri url) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(url.Query, "X-Amz-Expires=([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Strings(JsonElement root, string array, string property) =>
        root.GetProperty(array).EnumerateArray().Select(e => e.GetProperty(property).GetString()!).ToList();
}
