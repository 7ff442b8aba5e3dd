using System.Net;
using System.Text.Json;

namespace FileBridge.Functions.Tests.Pipeline;

/// <summary>
/// The behaviour both hosts promise through <c>ApiPipeline</c>. Each host's adapter runs these same
/// cases: the Functions middleware in-process, the DevHost over HTTP.
/// </summary>
public abstract class ApiPipelineContract
{
    /// <summary>Sends one request to the probe <paramref name="probe"/> served as function <paramref name="functionName"/>.</summary>
    protected abstract Task<PipelineAnswer> SendAsync(string functionName, string probe);

    [Fact]
    public async Task Success_IsNotStored()
    {
        var answer = await SendAsync("ListFilesFunction", nameof(ProbeFunctions.Ok));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("no-store", answer.CacheControl);
    }

    [Fact]
    public async Task UnexpectedFault_Is500ProblemWithoutInternals()
    {
        var answer = await SendAsync("ListFilesFunction", nameof(ProbeFunctions.Throws));

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal("internal_error", answer.Code);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.DoesNotContain("secret", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("line 42", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorageDown_Is503WithRetryAfter()
    {
        var answer = await SendAsync("ListFilesFunction", nameof(ProbeFunctions.StorageDown));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Equal("upstream_unavailable", answer.Code);
        Assert.NotNull(answer.RetryAfter);
    }

    [Fact]
    public async Task OverTheRate_Is429RateLimitedWithRetryAfter()
    {
        for (var i = 0; i < PipelineServices.Burst; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync("MeFunction", nameof(ProbeFunctions.Ok))).Status);
        }

        var answer = await SendAsync("MeFunction", nameof(ProbeFunctions.Ok));

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.Equal("rate_limited", answer.Code);
        Assert.Equal("1", answer.RetryAfter);
        Assert.Equal("no-store", answer.CacheControl);
    }

    [Fact]
    public async Task SignInsOverTheirOwnRate_Are429RateLimited()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("LoginFunction", nameof(ProbeFunctions.Ok))).Status);

        var answer = await SendAsync("LoginFunction", nameof(ProbeFunctions.Ok));

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.Equal("rate_limited", answer.Code);
        Assert.InRange(int.Parse(answer.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture), 55, 60);
    }

    /// <summary>What a client sees of an answer.</summary>
    public sealed record PipelineAnswer(HttpStatusCode Status, string? ContentType, string? CacheControl, string? RetryAfter, string Body)
    {
        public string? Code => Body.StartsWith('{') && JsonDocument.Parse(Body).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
