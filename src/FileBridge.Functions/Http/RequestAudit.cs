using System.Diagnostics;
using System.Globalization;
using FileBridge.Core.Audit;
using FileBridge.Core.Aws;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Http;

/// <summary>
/// Turns what a function answered into an audit row: the client address the rate limits use, the request id (the
/// trace id when the request is traced, so a row leads to its trace), and the role session name when AWS was asked
/// on the person's behalf. Rows hold names, prefixes, keys and outcomes; never a cookie, password or link.
/// </summary>
public sealed class RequestAudit(IAuditLog log, ClientAddressResolver addresses, ThrottledAuditSampler throttledSampler)
{
    // A target is a prefix or key the caller typed; S3 keys are at most 1,024 bytes, and a row need hold no more.
    private const int MaxTargetLength = 1024;

    /// <summary>Queues the row; the answer does not wait for it (listings, sign-ins, refusals).</summary>
    public void Post(HttpContext context, string action, string? userId, string? target, int status, string? code = null, bool onAws = false) =>
        log.Post(Create(context, action, userId, target, status, code, onAws));

    /// <summary>Queues the <c>throttled</c> row of a refusal by <paramref name="limiter"/>, sampled so that a flood cannot fill the table.</summary>
    public void PostThrottled(HttpContext context, string? userId, string limiter, int status, string code)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (throttledSampler.ShouldRecord(limiter, userId ?? addresses.Resolve(context)))
        {
            Post(context, AuditActions.Throttled, userId, limiter, status, code);
        }
    }

    /// <summary>Queues the row of a refusal answered with a problem.</summary>
    public void Post(HttpContext context, string action, string? userId, string? target, ObjectResult problem, bool onAws = false)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var code = (problem.Value as ProblemDetails)?.Extensions.TryGetValue("code", out var value) == true ? value as string : null;
        Post(context, action, userId, target, problem.StatusCode ?? StatusCodes.Status500InternalServerError, code, onAws);
    }

    /// <summary>
    /// Queues the row of a refusal of the current request under its route's declared audit action and target
    /// (<see cref="EndpointPolicyAttribute.Audit"/>), naming the caller the pipeline established; no row when
    /// the route declares none. Returns <paramref name="problem"/>, the answer.
    /// </summary>
    public ObjectResult Refused(HttpContext context, ObjectResult problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (EndpointPolicies.Of(context) is { Audit: { } declared } policy)
        {
            var query = context.Request.Query;
            var action = policy.InlineAudit is { } inline && query["disposition"] == "inline" ? inline : declared;
            var target = policy.AuditTarget is { } parameter ? (string?)query[parameter] : null;
            Post(context, action, RequestCaller.Identified(context)?.Id, target, problem, policy.OnAws);
        }

        return problem;
    }

    /// <summary>Stores the row before returning; throws <see cref="AuditUnavailableException"/> when it cannot (download links).</summary>
    public Task RecordAsync(HttpContext context, string action, string? userId, string? target, int status, CancellationToken cancellationToken) =>
        log.RecordAsync(Create(context, action, userId, target, status, null, onAws: true), cancellationToken);

    /// <summary>The <c>Outcome</c> column: the HTTP status, and the problem <c>code</c> when there is one.</summary>
    public static string Outcome(int status, string? code) =>
        code is null ? status.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{status} {code}");

    private AuditEvent Create(HttpContext context, string action, string? userId, string? target, int status, string? code, bool onAws)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AuditEvent(
            action,
            userId,
            target is { Length: > MaxTargetLength } ? target[..MaxTargetLength] : target,
            Outcome(status, code),
            addresses.Resolve(context),
            onAws && userId is not null ? RoleSessionNames.ForUser(userId) : null,
            Activity.Current is { } activity ? activity.TraceId.ToHexString() : context.TraceIdentifier);
    }
}
