using System.Net;
using FileBridge.Testing;
using static FileBridge.Integration.Tests.Locations.LocationsFixture;

namespace FileBridge.Integration.Tests.Locations;

/// <summary>Several locations (two buckets, two roles, one subtree) through the DevHost, against the real local endpoint.</summary>
public sealed class LocationsApiTests(LocationsFixture fixture) : IClassFixture<LocationsFixture>
{
    [Fact]
    public async Task List_Root_ShowsTheLocationsAsFolders()
    {
        using var body = await fixture.GetJsonAsync("api/files", fixture.EverythingToken);

        Assert.Equal(["demo/", "logs/", "alpha/"], Strings(body.RootElement, "folders", "prefix"));
        Assert.Equal(["demo", "logs", "alpha"], Strings(body.RootElement, "folders", "name"));
        Assert.Empty(body.RootElement.GetProperty("files").EnumerateArray());
    }

    [Fact]
    public async Task List_Root_ShowsOnlyTheLocationsAUserHasGrantsIn()
    {
        using var body = await fixture.GetJsonAsync("api/files", fixture.MixedToken);

        Assert.Equal(["demo/", "logs/"], Strings(body.RootElement, "folders", "prefix"));
    }

    [Fact]
    public async Task List_FolderOfEachLocation_ReadsItsOwnBucket()
    {
        using var demo = await fixture.GetJsonAsync("api/files?prefix=demo/projects/", fixture.EverythingToken);
        using var logs = await fixture.GetJsonAsync("api/files?prefix=logs/", fixture.EverythingToken);

        Assert.Equal(["demo/projects/alpha/", "demo/projects/beta/"], Strings(demo.RootElement, "folders", "prefix"));
        Assert.Equal(["logs/app/", "logs/preview/", "logs/reports/"], Strings(logs.RootElement, "folders", "prefix"));
    }

    [Fact]
    public async Task List_SubtreeLocation_ShowsOnlyItsSubtreeWithPathsInTheNamespace()
    {
        using var body = await fixture.GetJsonAsync("api/files?prefix=alpha/", fixture.AlphaToken);

        Assert.Equal(["alpha/specs/"], Strings(body.RootElement, "folders", "prefix"));
        Assert.Equal(["alpha/notes.txt"], Strings(body.RootElement, "files", "key"));
        Assert.Equal(["notes.txt"], Strings(body.RootElement, "files", "name"));
    }

    [Theory]
    [InlineData("api/files?prefix=logs/app/2025/01/")]
    [InlineData("api/files?prefix=demo/home/alice/")]
    public async Task List_GrantedFolderInEitherLocation_IsAllowed(string uri)
    {
        using var response = await fixture.SendAsync(uri, fixture.MixedToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("api/files?prefix=logs/preview/")]
    [InlineData("api/files?prefix=demo/home/bob/")]
    [InlineData("api/files?prefix=alpha/")]
    [InlineData("api/files/download?key=logs/preview/notes.txt")]
    [InlineData("api/files/download?key=demo/README.txt")]
    public async Task Request_OutsideTheGrantsOfAnyLocation_IsForbidden(string uri)
    {
        using var response = await fixture.SendAsync(uri, fixture.MixedToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden_prefix");
    }

    [Fact]
    public async Task List_UnknownLocation_IsNotFound()
    {
        using var response = await fixture.SendAsync("api/files?prefix=nowhere/", fixture.EverythingToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("demo/README.txt", "FileBridge demo bucket.")]
    [InlineData("logs/app/2025/01/app-07.log", "day 7 ok")]
    [InlineData("alpha/notes.txt", "Alpha kick-off notes.")]
    public async Task Download_FromEachLocation_ServesThatLocationsObject(string key, string expected)
    {
        using var response = await fixture.SendAsync($"api/files/download?key={Uri.EscapeDataString(key)}", fixture.EverythingToken);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        using var plain = new HttpClient();

        var content = await plain.GetStringAsync(response.Headers.Location);

        Assert.StartsWith(expected, content, StringComparison.Ordinal);
        Assert.Contains(key == "logs/app/2025/01/app-07.log" ? TestEnvironment.LogsBucket : TestEnvironment.Bucket, response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_OfTheSubtreeLocation_CannotLeaveTheSubtree()
    {
        using var response = await fixture.SendAsync("api/files/download?key=alpha/../README.txt", fixture.AlphaToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "bad_request");
    }
}
