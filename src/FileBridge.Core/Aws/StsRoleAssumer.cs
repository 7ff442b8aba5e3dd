using Amazon.SecurityToken;
using System.Diagnostics;
using FileBridge.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;

namespace FileBridge.Core.Aws;

/// <summary>
/// Calls AssumeRole (<c>AccessKey</c> mode) or AssumeRoleWithWebIdentity (<c>WebIdentity</c> mode) on the configured
/// role through the "sts" resilience pipeline, with the same session name and session policy in both modes.
/// </summary>
/// <remarks>
/// Keyless mode goes straight from the web identity to the reader role (one hop). A second hop (a broker role,
/// then AssumeRole with SourceIdentity) would keep a role-wide credential in memory and cap sessions at one hour,
/// for nothing the per-person session name and policy do not already give; see the README's deploy section.
/// </remarks>
public sealed partial class StsRoleAssumer(
    IAmazonSecurityTokenService sts,
    IWebIdentityTokenSource tokens,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<AwsOptions> awsOptions,
    TimeProvider timeProvider,
    ILogger<StsRoleAssumer> logger,
    FileBridgeMetrics? metrics = null) : IRoleAssumer
{
    private static readonly TimeSpan MinimumDuration = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaximumDuration = TimeSpan.FromHours(12);

    private readonly ResiliencePipeline _pipeline = pipelines.GetPipeline(StsResilience.PipelineKey);

    /// <summary>
    /// The one way to assume a role: the request's location names the role (which may sit in another account) and
    /// the bucket its session policy covers; the request names the session and, for the readiness probe, a shorter
    /// lifetime than <c>Aws:SessionDuration</c>.
    /// </summary>
    public async Task<RoleCredentials> AssumeAsync(RoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sessionName = request.SessionName;
        var duration = request.Duration ?? awsOptions.Value.SessionDuration;
        var policy = SessionPolicy.Build(request.Location.Bucket, request.Prefixes);
        if (policy is { Length: > SessionPolicy.MaxLength })
        {
            // AccessPolicy packs grants so this never happens; a policy AWS would refuse is not sent at all.
            throw new UpstreamUnavailableException(
                $"The session policy of {request.Prefixes.Count} grants is longer than {SessionPolicy.MaxLength} characters.",
                awsOptions.Value.DenialMemory, true, new ArgumentException("Session policy too long.", nameof(request)));
        }

        var seconds = (int)Math.Clamp(duration.TotalSeconds, MinimumDuration.TotalSeconds, MaximumDuration.TotalSeconds);
        var options = awsOptions.Value;
        var call = new StsCall(sts, request.Location.RoleArn, sessionName, seconds, policy);
        // A client span around the whole call, retries included; each HTTP attempt is a child span when HTTP is traced.
        using var activity = FileBridgeActivities.Source.StartActivity(
            options.EffectiveCredentialSource == AwsCredentialSource.WebIdentity ? "STS AssumeRoleWithWebIdentity" : "STS AssumeRole", ActivityKind.Client);
        activity?.SetTag("rpc.system", "aws-api");
        activity?.SetTag("rpc.service", "STS");
        activity?.SetTag("aws.sts.role_session_name", sessionName);

        try
        {
            // The token is fetched outside the pipeline: a token source failing says nothing about STS and must not
            // count towards its breaker. Retries inside the pipeline present the same token.
            var token = options.EffectiveCredentialSource == AwsCredentialSource.WebIdentity
                ? await tokens.GetTokenAsync(cancellationToken)
                : null;
            var credentials = await _pipeline.ExecuteAsync(
                static async (state, ct) => await state.Call.SendAsync(state.Token, ct),
                (Call: call, Token: token),
                cancellationToken);
            var expiresAt = credentials.Expiration is { } expiration
                ? new DateTimeOffset(DateTime.SpecifyKind(expiration, DateTimeKind.Utc))
                : timeProvider.GetUtcNow().AddSeconds(seconds);
            LogAssumed(logger, sessionName, expiresAt);
            Outcome(activity, "success");
            return new RoleCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken, expiresAt);
        }
        catch (WebIdentityTokenException e)
        {
            LogTokenFailure(logger, sessionName, tokens.Description, e.IsTransient);
            Outcome(activity, "token-unavailable");
            throw e.IsTransient
                ? new UpstreamUnavailableException("No web identity token could be obtained.", TimeSpan.FromSeconds(5), false, e)
                : new UpstreamUnavailableException("No web identity token could be obtained.", options.DenialMemory, true, e);
        }
        catch (BrokenCircuitException e)
        {
            LogBreakerOpen(logger, sessionName);
            Outcome(activity, "breaker-open");
            throw new UpstreamUnavailableException("STS is failing; calls are paused.", e.RetryAfter ?? awsOptions.Value.StsBreakDuration, false, e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var transient = AwsFaultClassifier.IsTransient(e, cancellationToken);
            var code = (e as Amazon.Runtime.AmazonServiceException)?.ErrorCode ?? e.GetType().Name;
            if (transient)
            {
                LogTransientFailure(logger, sessionName, code);
                Outcome(activity, "unavailable");
                throw new UpstreamUnavailableException("STS did not answer in time.", TimeSpan.FromSeconds(5), false, e);
            }

            LogPermanentFailure(logger, sessionName, code);
            Outcome(activity, "refused");
            throw new UpstreamUnavailableException("STS refused to issue credentials.", awsOptions.Value.DenialMemory, true, e);
        }
    }

    private void Outcome(Activity? activity, string outcome)
    {
        metrics?.StsCall(outcome);
        activity?.SetTag("filebridge.outcome", outcome);
        if (outcome != "success")
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "No web identity token for session {SessionName} from the {TokenSource} (transient: {Transient}); check Aws:WebIdentityAudience or Aws:WebIdentityTokenFile")]
    private static partial void LogTokenFailure(ILogger logger, string sessionName, string tokenSource, bool transient);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Assumed the role for session {SessionName}, valid until {ExpiresAt}")]
    private static partial void LogAssumed(ILogger logger, string sessionName, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "STS circuit is open; STS call for session {SessionName} not attempted")]
    private static partial void LogBreakerOpen(ILogger logger, string sessionName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "STS call for session {SessionName} failed after retries: {ErrorCode}")]
    private static partial void LogTransientFailure(ILogger logger, string sessionName, string errorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "STS call for session {SessionName} was refused: {ErrorCode}; check Aws:RoleArn, the role's trust policy, Aws:SessionDuration and, in WebIdentity mode, the token's audience and expiry")]
    private static partial void LogPermanentFailure(ILogger logger, string sessionName, string errorCode);
}
