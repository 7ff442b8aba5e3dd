using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Tests.Http;

public sealed class ProblemsTests
{
    [Fact]
    public void Create_CarriesStatusCodeTitleAndProblemContentType()
    {
        var result = Problems.Create(StatusCodes.Status403Forbidden, ErrorCodes.ForbiddenPrefix, "No access.", "Not yours.");

        var problem = Assert.IsType<ProblemDetails>(result.Value);
        Assert.Equal(403, result.StatusCode);
        Assert.Equal(403, problem.Status);
        Assert.Equal("forbidden_prefix", problem.Extensions["code"]);
        Assert.Equal(("No access.", "Not yours."), (problem.Title, problem.Detail));
        Assert.Equal(["application/problem+json"], result.ContentTypes);
    }

    [Theory]
    [InlineData(0.2, "1")]
    [InlineData(1.0, "1")]
    [InlineData(59.1, "60")]
    public void WithRetryAfter_WritesWholeSecondsRoundedUp(double seconds, string expected)
    {
        var context = new DefaultHttpContext();

        Problems.WithRetryAfter(context.Response, TimeSpan.FromSeconds(seconds), Problems.BadRequest("x"));

        Assert.Equal(expected, context.Response.Headers.RetryAfter.ToString());
    }
}
