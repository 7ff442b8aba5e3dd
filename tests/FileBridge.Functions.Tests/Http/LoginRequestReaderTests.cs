using System.Text;
using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Tests.Http;

public sealed class LoginRequestReaderTests
{
    [Theory]
    [InlineData("application/json", "{\"username\":\"Ada\",\"password\":\"pw\"}")]
    [InlineData("application/json; charset=utf-8", "{\"Username\":\"Ada\",\"Password\":\"pw\"}")]
    [InlineData("application/x-www-form-urlencoded", "username=Ada&password=pw")]
    public async Task ReadAsync_JsonOrForm_ReadsCredentials(string contentType, string body)
    {
        var request = Request(contentType, body);

        var (credentials, error) = await LoginRequestReader.ReadAsync(request, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal(("Ada", "pw"), (credentials!.Username, credentials.Password));
        Assert.DoesNotContain("pw", credentials.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json", "{")]
    [InlineData("application/json", "\"just a string\"")]
    [InlineData("application/json", "{\"username\":\"\",\"password\":\"pw\"}")]
    [InlineData("application/json", "{\"username\":\"a#b\",\"password\":\"pw\"}")]
    [InlineData("application/x-www-form-urlencoded", "username=a&username=b&password=pw")]
    [InlineData("application/json", "{\"username\":\"a\",\"username\":\"b\",\"password\":\"pw\"}")]
    [InlineData("application/json", "{\"username\":\"\\ud800\",\"password\":\"pw\"}")]
    [InlineData("application/json", "{\"username\":\"a\",\"password\":\"abc\\udc00def\"}")]
    [InlineData("application/json", "{\"\\ud800\":\"x\",\"username\":\"a\",\"password\":\"pw\"}")]
    [InlineData("application/json", "{\"username\":\"a\",\"password\":\"pw\\u0000\"}")]
    [InlineData("text/xml", "<login/>")]
    [InlineData(null, "{}")]
    public async Task ReadAsync_BadInput_ReturnsAnError(string? contentType, string body)
    {
        var request = Request(contentType, body);

        var (credentials, error) = await LoginRequestReader.ReadAsync(request, CancellationToken.None);

        Assert.Null(credentials);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public async Task ReadAsync_ChunkedBodyOverTheLimit_IsRefusedWithoutBufferingIt()
    {
        var request = Request("application/json", "{\"username\":\"a\",\"password\":\"" + new string('x', 20_000) + "\"}");
        request.ContentLength = null;

        var (credentials, error) = await LoginRequestReader.ReadAsync(request, CancellationToken.None);

        Assert.Null(credentials);
        Assert.Contains("at most", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8InsideAString_ReturnsAnError()
    {
        var request = Request("application/json", [.. "{\"username\":\"root\",\"password\":\""u8, 0xC3, 0x28, .. "abc\"}"u8]);

        var (credentials, error) = await LoginRequestReader.ReadAsync(request, CancellationToken.None);

        Assert.Null(credentials);
        Assert.False(string.IsNullOrEmpty(error));
    }

    private static HttpRequest Request(string? contentType, string body) => Request(contentType, Encoding.UTF8.GetBytes(body));

    private static HttpRequest Request(string? contentType, byte[] bytes)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return context.Request;
    }
}
