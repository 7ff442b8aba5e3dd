using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Tests.Http;

public sealed class SessionCookieTests
{
    [Fact]
    public void Issue_WritesHostPrefixedStrictSecureHttpOnlyCookie()
    {
        var context = new DefaultHttpContext();

        SessionCookie.Issue(context.Response, "token-value", new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            "__Host-fb_session=token-value; Path=/; Secure; HttpOnly; SameSite=Strict; Expires=Fri, 27 Nov 2026 17:00:00 GMT",
            context.Response.Headers.SetCookie.ToString());
    }

    [Fact]
    public void Clear_ExpiresTheCookieWithTheSameAttributes()
    {
        var context = new DefaultHttpContext();

        SessionCookie.Clear(context.Response);

        var header = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith("__Host-fb_session=;", header, StringComparison.Ordinal);
        Assert.Contains("Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReturnsTheCookieValue()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = "other=1; __Host-fb_session=abc";

        Assert.Equal("abc", SessionCookie.Read(context.Request));
    }
}
