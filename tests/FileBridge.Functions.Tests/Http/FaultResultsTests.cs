using Azure;
using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Tests.Http;

public sealed class FaultResultsTests
{
    public static TheoryData<Exception, int, string> Faults => new()
    {
        { new RequestFailedException(0, "connection refused"), 503, "upstream_unavailable" },
        { new RequestFailedException(503, "server busy"), 503, "upstream_unavailable" },
        { new HttpRequestException("reset"), 503, "upstream_unavailable" },
        { new AggregateException(new RequestFailedException(0, "refused"), new RequestFailedException(0, "refused")), 503, "upstream_unavailable" },
        { new AggregateException(new RequestFailedException(0, "refused"), new InvalidOperationException("bug")), 500, "internal_error" },
        { new BadHttpRequestException("too large", 413), 413, "bad_request" },
        { new RequestFailedException(409, "conflict"), 500, "internal_error" },
        { new InvalidOperationException("secret internals"), 500, "internal_error" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void For_Fault_MapsToStatusAndCodeWithoutDetails(Exception fault, int status, string code)
    {
        var context = new DefaultHttpContext();

        var result = FaultResults.For(fault, context.Response);

        var problem = Assert.IsType<ProblemDetails>(result.Value);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(code, problem.Extensions["code"]);
        Assert.DoesNotContain(fault.Message, $"{problem.Title} {problem.Detail}", StringComparison.Ordinal);
        Assert.Equal(status == 503, context.Response.Headers.RetryAfter.Count == 1);
    }
}
