using System.Net;
using FileBridge.Functions.Http;
using FileBridge.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Tests.Http;

public sealed class RequestAuditTests
{
    private readonly RecordingAuditLog _log = new();

    [Fact]
    public void Post_Problem_OutcomeIsStatusAndCode_WithAddressRequestIdAndRoleSession()
    {
        var audit = CreateAudit();
        var context = Context();

        audit.Post(context, "download", "alice", "home/bob/x.txt", Problems.Create(403, ErrorCodes.ForbiddenPrefix, "Outside your folders."), onAws: true);

        var row = Assert.Single(_log.Events);
        Assert.Equal(("download", "alice", "home/bob/x.txt", "403 forbidden_prefix"), (row.Action, row.UserId, row.Target, row.Outcome));
        Assert.Equal("203.0.113.7", row.ClientAddress);
        Assert.Equal("request-1", row.RequestId);
        Assert.StartsWith("fb-alice", row.RoleSessionName, StringComparison.Ordinal);
    }

    [Fact]
    public void Post_LongTargetWithoutAws_IsCutAndHasNoRoleSession()
    {
        var audit = CreateAudit();

        audit.Post(Context(), "sign-in", "alice", new string('a', 5000), StatusCodes.Status200OK);

        var row = Assert.Single(_log.Events);
        Assert.Equal(1024, row.Target!.Length);
        Assert.Equal("200", row.Outcome);
        Assert.Null(row.RoleSessionName);
    }

    [Fact]
    public async Task RecordAsync_AuditTableUnreachable_Throws()
    {
        var audit = CreateAudit();
        _log.Unreachable = true;

        await Assert.ThrowsAsync<FileBridge.Core.Audit.AuditUnavailableException>(
            () => audit.RecordAsync(Context(), "download", "alice", "home/alice/a.txt", StatusCodes.Status302Found, CancellationToken.None));

        Assert.Empty(_log.Events);
    }

    [Fact]
    public void PostThrottled_AFloodFromOneCaller_LeavesOneRowAMinute()
    {
        var audit = CreateAudit();

        for (var i = 0; i < 100; i++)
        {
            audit.PostThrottled(Context(), null, "signins-per-client", StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited);
        }

        var row = Assert.Single(_log.Events);
        Assert.Equal(("throttled", "signins-per-client", "429 rate_limited"), (row.Action, row.Target, row.Outcome));
    }

    [Fact]
    public void PostThrottled_AFloodFromManyCallers_IsCappedOverall()
    {
        var audit = CreateAudit();

        for (var i = 0; i < 500; i++)
        {
            var context = Context();
            context.Connection.RemoteIpAddress = IPAddress.Parse($"198.51.{i / 250}.{i % 250}");
            audit.PostThrottled(context, null, "signins-per-client", StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited);
        }

        Assert.InRange(_log.Events.Count, 10, 20);
    }

    private RequestAudit CreateAudit() =>
        new(_log, new ClientAddressResolver(Options.Create(new WebOptions())), new ThrottledAuditSampler(TimeProvider.System));

    private static DefaultHttpContext Context()
    {
        var context = new DefaultHttpContext { TraceIdentifier = "request-1" };
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        return context;
    }
}
