using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Tests.Http;

public sealed class OriginPolicyTests
{
    private readonly OriginPolicy _policy = new(Options.Create(new WebOptions { AllowedOrigins = "https://files.example.com; https://other.example.com/" }));

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("https://api.example.com", null, true)]
    [InlineData("https://files.example.com", "cross-site", true)]
    [InlineData("https://other.example.com", null, true)]
    [InlineData("https://evil.example", null, false)]
    [InlineData("null", null, false)]
    [InlineData(null, "cross-site", false)]
    [InlineData(null, "same-origin", true)]
    public void Allows_DecidesByOriginThenFetchMetadata(string? origin, string? fetchSite, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("api.example.com");
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        if (fetchSite is not null)
        {
            context.Request.Headers["Sec-Fetch-Site"] = fetchSite;
        }

        Assert.Equal(expected, _policy.Allows(context.Request));
    }

    [Fact]
    public void Validate_NonOrigin_IsRefusedNamingTheSetting()
    {
        var options = new WebOptions { AllowedOrigins = "https://ok.example.com,files.example.com/path" };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains("Web:AllowedOrigins", Assert.Single(errors).ErrorMessage, StringComparison.Ordinal);
    }
}
