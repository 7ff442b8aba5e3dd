using System.Net;

namespace FileBridge.Integration.Tests.Locations;

/// <summary>
/// <c>disposition=inline</c>: what the browser actually receives from the endpoint when it follows the link. The
/// safe types come back inline with FileBridge's Content-Type, whatever the object's stored one; the rest download.
/// </summary>
public sealed class PreviewApiTests(LocationsFixture fixture) : IClassFixture<LocationsFixture>
{
    [Theory]
    [InlineData("photo.png", "image/png")]
    [InlineData("photo.jpg", "image/jpeg")]
    [InlineData("anim.gif", "image/gif")]
    [InlineData("image.webp", "image/webp")]
    [InlineData("manual.pdf", "application/pdf")]
    [InlineData("notes.txt", "text/plain; charset=utf-8")]
    [InlineData("table.csv", "text/plain; charset=utf-8")]
    [InlineData("server.log", "text/plain; charset=utf-8")]
    [InlineData("data.json", "text/plain; charset=utf-8")]
    [InlineData("readme.md", "text/plain; charset=utf-8")]
    [InlineData("claims-html.txt", "text/plain; charset=utf-8")]
    public async Task Preview_SafeType_IsServedInlineWithASafeContentType(string name, string contentType)
    {
        using var response = await FollowAsync($"logs/preview/{name}", "inline");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, string.Join(", ", response.Content.Headers.GetValues("Content-Type")));
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(name, response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData("page.html")]
    [InlineData("drawing.svg")]
    public async Task Preview_HtmlOrSvg_StaysAnAttachment(string name)
    {
        using var response = await FollowAsync($"logs/preview/{name}", "inline");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Download_SafeType_WithoutInline_IsAnAttachment()
    {
        using var response = await FollowAsync("logs/preview/photo.png", null);

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Theory]
    [InlineData("api/files?prefix=logs/preview/")]
    [InlineData("api/files/search?prefix=logs/preview/&q=.")]
    public async Task ListingAndSearch_EveryFile_SaysWhetherItIsPreviewable(string uri)
    {
        using var body = await fixture.GetJsonAsync(uri, fixture.EverythingToken);

        var previewable = body.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("previewable").GetBoolean());
        Assert.True(previewable["photo.png"]);
        Assert.True(previewable["notes.txt"]);
        Assert.True(previewable["claims-html.txt"]);
        Assert.False(previewable["page.html"]);
        Assert.False(previewable["drawing.svg"]);
        Assert.Equal(13, previewable.Count);
        Assert.Equal(11, previewable.Count(p => p.Value));
    }

    [Theory]
    [InlineData("INLINE")]
    [InlineData("inline;x")]
    [InlineData("preview")]
    public async Task Download_UnknownDisposition_Is400(string disposition)
    {
        using var response = await fixture.SendAsync($"api/files/download?key=logs/preview/photo.png&disposition={Uri.EscapeDataString(disposition)}", fixture.EverythingToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "bad_request");
    }

    private async Task<HttpResponseMessage> FollowAsync(string key, string? disposition)
    {
        using var redirect = await fixture.SendAsync(
            $"api/files/download?key={Uri.EscapeDataString(key)}" + (disposition is null ? "" : $"&disposition={disposition}"), fixture.EverythingToken);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.Equal("no-store", redirect.Headers.CacheControl?.ToString());
        using var plain = new HttpClient();
        return await plain.GetAsync(redirect.Headers.Location);
    }
}
