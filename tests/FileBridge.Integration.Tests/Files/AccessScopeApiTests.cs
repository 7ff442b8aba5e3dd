using System.Net;
using System.Text.Json;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Files;

/// <summary>
/// Access that fails closed and prefixes IAM cannot misread, through the DevHost against the real local endpoint:
/// the app's own check and the session policy the endpoint enforces must agree.
/// </summary>
public sealed class AccessScopeApiTests(FilesApiFixture fixture) : IClassFixture<FilesApiFixture>
{
    [Fact]
    public async Task NoGrantAndNoDefaults_RootIsEmpty()
    {
        using var response = await SendAsync("api/files", fixture.NobodyToken);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("", body.RootElement.GetProperty("prefix").GetString());
        Assert.Empty(body.RootElement.GetProperty("folders").EnumerateArray());
        Assert.Empty(body.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("api/files?prefix=home/")]
    [InlineData("api/files?prefix=shared/")]
    [InlineData("api/files?prefix=archive/2024/")]
    [InlineData("api/files/download?key=README.txt")]
    [InlineData("api/files/download?key=home/alice/todo.txt")]
    public async Task NoGrantAndNoDefaults_EverythingElseIs403(string uri)
    {
        using var response = await SendAsync(uri, fixture.NobodyToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden_prefix");
    }

    [Fact]
    public async Task StarUser_SeesTheWholeBucket()
    {
        using var root = await GetJsonAsync("api/files", fixture.WholeBucketToken);
        using var bob = await GetJsonAsync("api/files?prefix=home/bob/", fixture.WholeBucketToken);
        using var download = await SendAsync("api/files/download?key=home/bob/todo.txt", fixture.WholeBucketToken);

        Assert.Equal(["archive/", "home/", "projects/", "shared/"], Strings(root.RootElement, "folders", "prefix"));
        Assert.Contains("README.txt", Strings(root.RootElement, "files", "key"));
        Assert.Contains("home/bob/todo.txt", Strings(bob.RootElement, "files", "key"));
        Assert.Equal(HttpStatusCode.Found, download.StatusCode);
    }

    [Fact]
    public async Task StoredPrefixesIamWouldMisread_GrantNothing()
    {
        using var root = await GetJsonAsync("api/files", fixture.MisreadToken);

        Assert.Empty(Strings(root.RootElement, "folders", "prefix"));
        Assert.Empty(Strings(root.RootElement, "files", "key"));
    }

    [Theory]
    [InlineData("api/files?prefix=home/")]
    [InlineData("api/files?prefix=home/alice/")]
    [InlineData("api/files?prefix=shared/")]
    [InlineData("api/files?prefix=home/%24%7Baws%3Ausername%7D/")]
    [InlineData("api/files/download?key=home/bob/todo.txt")]
    public async Task StoredPrefixesIamWouldMisread_EverythingIs403(string uri)
    {
        using var response = await SendAsync(uri, fixture.MisreadToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden_prefix");
    }

    [Fact]
    public async Task WildcardLookingKeysInsideAGrantedFolder_AreListed()
    {
        using var folder = await GetJsonAsync("api/files?prefix=" + Uri.EscapeDataString("shared/odd names/"), fixture.OddNamesToken);
        using var project = await GetJsonAsync("api/files?prefix=" + Uri.EscapeDataString("shared/odd names/proj*/"), fixture.OddNamesToken);
        using var variable = await GetJsonAsync("api/files?prefix=" + Uri.EscapeDataString("shared/odd names/${aws:username}/"), fixture.OddNamesToken);

        Assert.Equal(["shared/odd names/${aws:username}/", "shared/odd names/proj*/"], Strings(folder.RootElement, "folders", "prefix").Order(StringComparer.Ordinal));
        Assert.Equal(["shared/odd names/a*b?c ${x}.txt"], Strings(folder.RootElement, "files", "key"));
        Assert.Equal(["shared/odd names/proj*/plan?.md"], Strings(project.RootElement, "files", "key"));
        Assert.Equal(["shared/odd names/${aws:username}/notes.txt"], Strings(variable.RootElement, "files", "key"));
    }

    [Theory]
    [InlineData("shared/odd names/proj*/plan?.md", "# A plan whose folder and name look like wildcards\n")]
    [InlineData("shared/odd names/${aws:username}/notes.txt", "Notes in a folder that looks like an IAM variable.\n")]
    [InlineData("shared/odd names/a*b?c ${x}.txt", "A file name with '*', '?' and '${'.\n")]
    public async Task WildcardLookingKeysInsideAGrantedFolder_Download(string key, string content)
    {
        using var response = await SendAsync("api/files/download?key=" + Uri.EscapeDataString(key), fixture.OddNamesToken);

        Assert.True(response.StatusCode == HttpStatusCode.Found, await response.Content.ReadAsStringAsync());
        using var s3 = new HttpClient();
        using var file = await s3.GetAsync(response.Headers.Location!);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(content, await file.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("api/files?prefix=shared/handbook/")]
    [InlineData("api/files/download?key=shared/handbook/onboarding.md")]
    public async Task WildcardLookingKeysInsideAGrantedFolder_TheGrantStaysThatFolder(string uri)
    {
        using var response = await SendAsync(uri, fixture.OddNamesToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden_prefix");
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

    private static List<string> Strings(JsonElement root, string array, string property) =>
        root.GetProperty(array).EnumerateArray().Select(e => e.GetProperty(property).GetString()!).ToList();
}
