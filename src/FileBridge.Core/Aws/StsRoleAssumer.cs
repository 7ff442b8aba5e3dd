using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using FileBridge.Core.Files;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;

namespace FileBridge.Core.Aws;

/// <summary>Calls AssumeRole on the configured role through the "sts" resilience pipeline.</summary>
public sealed partial class StsRoleAssumer(
    IAmazonSecurityTokenService sts,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<AwsOptions> awsOptions,
    IOptions<FilesOptions> filesOptions,
    TimeProvider timeProvider,
    ILogger<StsRoleAssumer> logger) : IRoleAssumer
{
    private static readonly TimeSpan MinimumDuration = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaximumDuration = TimeSpan.FromHours(12);

    private readonly ResiliencePipeline pipeline = pipelines.GetPipeline(StsResilience.PipelineKey);

    public Task<RoleCredentials> AssumeAsync(RoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AssumeAsync(
            RoleSessionNames.ForUser(request.UserId),
            SessionPolicy.Build(filesOptions.Value.Bucket, request.Prefixes),
            awsOptions.Value.SessionDuration,
            cancellationToken);
    }

    /// <summary>AssumeRole under a given session name; also used by the readiness check with the shortest duration.</summary>
    public async Task<RoleCredentials> AssumeAsync(string sessionName, string? policy, TimeSpan duration, CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Clamp(duration.TotalSeconds, MinimumDuration.TotalSeconds, MaximumDuration.TotalSeconds);
        var request = new AssumeRoleRequest
        {
            RoleArn = awsOptions.Value.RoleArn,
            RoleSessionName = sessionName,
            DurationSeconds = seconds,
            Policy = policy,
        };

        try
        {
            var response = await pipeline.ExecuteAsync(
                static async (state, ct) => await state.sts.AssumeRoleAsync(state.request, ct),
                (sts, request),
                cancellationToken);
            var credentials = response.Credentials;
            var expiresAt = credentials.Expiration is { } expiration
                ? new DateTimeOffset(DateTime.SpecifyKind(expiration, DateTimeKind.Utc))
                : timeProvider.GetUtcNow().AddSeconds(seconds);
            LogAssumed(logger, sessionName, expiresAt);
            return new RoleCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken, expiresAt);
        }
        catch (BrokenCircuitException e)
        {
            LogBreakerOpen(logger, sessionName);
            throw new UpstreamUnavailableException("STS is failing; calls are paused.", e.RetryAfter ?? awsOptions.Value.StsBreakDuration, false, e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var transient = AwsFaultClassifier.IsTransient(e, cancellationToken);
            var code = (e as Amazon.Runtime.AmazonServiceException)?.ErrorCode ?? e.GetType().Name;
            if (transient)
            {
                LogTransientFailure(logger, sessionName, code);
                throw new UpstreamUnavailableException("STS did not answer in time.", TimeSpan.FromSeconds(5), false, e);
            }

            LogPermanentFailure(logger, sessionName, code);
            throw new UpstreamUnavailableException("STS refused to issue credentials.", awsOptions.Value.DenialMemory, true, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Assumed the role for session {SessionName}, valid until {ExpiresAt}")]
    private static partial void LogAssumed(ILogger logger, string sessionName, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "STS circuit is open; AssumeRole for session {SessionName} not attempted")]
    private static partial void LogBreakerOpen(ILogger logger, string sessionName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AssumeRole for session {SessionName} failed after retries: {ErrorCode}")]
    private static partial void LogTransientFailure(ILogger logger, string sessionName, string errorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "AssumeRole for session {SessionName} was refused: {ErrorCode}; check Aws:RoleArn, the role's trust policy and Aws:SessionDuration")]
    private static partial void LogPermanentFailure(ILogger logger, string sessionName, string errorCode);
}
