using System.Net;
using System.Text.Json;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.WebIdentity;

/// <summary>Sign-in, listing and download through the DevHost in keyless mode, against the real local endpoint.</summary>
public sealed class WebIdentityFilesApiTests(WebIdentityFilesFixture fixture) : IClassFixture<WebIdentityFilesFixture>
{
    [Fact]
    public async Task List_RootAsEverythingUser_ShowsTheWholeBucket()
    {
        using var response = await SendAsync("api/files", fixture.EverythingToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["archive/", "home/", "projects/", "shared/"], Strings(body.RootElement, "folders", "prefix"));
        Assert.Contains("README.txt", Strings(body.RootElement, "files", "key"));
    }

    [Fact]
    public async Task List_OwnFolderAsPrefixLimitedUser_ShowsItsFiles()
    {
        using var response = await SendAsync("api/files?prefix=home/alice/", fixture.AliceToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("home/alice/todo.txt", Strings(body.RootElement, "files", "key"));
    }

    [Fact]
    public async Task List_OutsideOwnFolderAsPrefixLimitedUser_IsForbidden()
    {
        using var response = await SendAsync("api/files?prefix=home/bob/", fixture.AliceToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden_prefix");
    }

    [Theory]
    [InlineData(false, "README.txt", "FileBridge demo bucket.")]
    [InlineData(true, "home/alice/todo.txt", "alice's to-do list")]
    public async Task Download_InScope_RedirectsToALinkThatServesTheFile(bool asAlice, string key, string expectedStart)
    {
        using var response = await SendAsync($"api/files/download?key={Uri.EscapeDataString(key)}", asAlice ? fixture.AliceToken : fixture.EverythingToken);
        using var http = new HttpClient();
        using var file = await http.GetAsync(response.Headers.Location);
        var text = await file.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.StartsWith(expectedStart, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_OutsideOwnFolderAsPrefixLimitedUser_IsRefused()
    {
        using var response = await SendAsync("api/files/download?key=home/bob/todo.txt", fixture.AliceToken);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"answered {(int)response.StatusCode}");
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Host_Output_NeverContainsTheToken()
    {
        var token = (await File.ReadAllTextAsync(TestEnvironment.OidcTokenFile)).Trim();

        using var response = await SendAsync("api/files?prefix=home/alice/", fixture.AliceToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The signature part is what makes a token usable; it must appear nowhere.
        Assert.DoesNotContain(token.Split('.')[2], fixture.Host.Output, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(string uri, string token)
    {
        using var client = fixture.Host.CreateClient();
        using var request = ApiSession.Request(HttpMethod.Get, uri, token);
        return await client.SendAsync(request);
    }

    private static List<string> Strings(JsonElement root, string array, string property) =>
        root.GetProperty(array).EnumerateArray().Select(e => e.GetProperty(property).GetString()!).ToList();
}
