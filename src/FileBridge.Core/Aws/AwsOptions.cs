using System.ComponentModel.DataAnnotations;

namespace FileBridge.Core.Aws;

/// <summary>The <c>Aws</c> settings section: how the broker reaches STS and S3, and how hard it tries.</summary>
public sealed class AwsOptions : IValidatableObject
{
    internal const string RegionPattern = "^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$";

    internal const string RoleArnPattern = @"^arn:aws[a-z-]*:iam::(\d{12})?:role/[\w+=,.@/-]{1,512}$";

    public const string SectionName = "Aws";

    [Required(ErrorMessage = "Aws:Region is required.")]
    [RegularExpression(RegionPattern, ErrorMessage = "Aws:Region must be a region name such as eu-west-1.")]
    public string Region { get; set; } = "";

    /// <summary>An S3/STS-compatible endpoint (local Ceph RGW, LocalStack); path-style addressing then.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The broker IAM user's key; with <see cref="SecretAccessKey"/>, else the SDK's default chain.</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>
    /// <c>AccessKey</c> (the broker IAM user's key, or the SDK's default chain) or <c>WebIdentity</c> (keyless:
    /// AssumeRoleWithWebIdentity with an OpenID Connect token). Empty picks <c>WebIdentity</c> when a web identity
    /// setting is present and no access key is, else <c>AccessKey</c>. A string, not an enum, so that a wrong value
    /// fails validation with a message naming the setting instead of a binder exception.
    /// </summary>
    public string? CredentialSource { get; set; }

    /// <summary>The audience (application ID URI or client id) the managed identity's token is requested for.</summary>
    public string? WebIdentityAudience { get; set; }

    /// <summary>A file holding the token (the AWS SDK's own convention); re-read on every STS call.</summary>
    public string? WebIdentityTokenFile { get; set; }

    [Required(ErrorMessage = "Aws:RoleArn is required.")]
    [RegularExpression(RoleArnPattern,
        ErrorMessage = "Aws:RoleArn must look like arn:aws:iam::<account>:role/<name>.")]
    public string RoleArn { get; set; } = "";

    [Range(typeof(TimeSpan), "00:15:00", "12:00:00", ErrorMessage = "Aws:SessionDuration must be between 15 minutes and 12 hours.")]
    public TimeSpan SessionDuration { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Aws:StsAttemptTimeout must be between 100 ms and 1 minute.")]
    public TimeSpan StsAttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Range(0, 10, ErrorMessage = "Aws:StsMaxRetries must be between 0 and 10.")]
    public int StsMaxRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "00:00:30", ErrorMessage = "Aws:StsBaseDelay must be between 0 and 30 seconds.")]
    public TimeSpan StsBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(0.01, 1.0, ErrorMessage = "Aws:StsBreakerFailureRatio must be between 0.01 and 1.")]
    public double StsBreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 1000, ErrorMessage = "Aws:StsBreakerMinimumThroughput must be between 2 and 1000.")]
    public int StsBreakerMinimumThroughput { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00", ErrorMessage = "Aws:StsBreakerSamplingDuration must be between 500 ms and 10 minutes.")]
    public TimeSpan StsBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The first break once the breaker opens. Short, so that people are served again soon after STS recovers;
    /// each failed half-open probe doubles it, up to <see cref="StsMaxBreakDuration"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00", ErrorMessage = "Aws:StsBreakDuration must be between 500 ms and 10 minutes.")]
    public TimeSpan StsBreakDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest break while failures persist: it bounds both the wait after STS recovers and, since every break
    /// ends with a single half-open probe, the STS calls a long outage costs (one per break).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00", ErrorMessage = "Aws:StsMaxBreakDuration must be between 500 ms and 10 minutes.")]
    public TimeSpan StsMaxBreakDuration { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How long a permanent STS refusal (e.g. AccessDenied) is answered from memory for the same user and scope.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Aws:DenialMemory must be between 0 and 1 hour.")]
    public TimeSpan DenialMemory { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00", ErrorMessage = "Aws:S3Timeout must be between 100 ms and 2 minutes.")]
    public TimeSpan S3Timeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(0, 10, ErrorMessage = "Aws:S3MaxRetries must be between 0 and 10.")]
    public int S3MaxRetries { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ServiceUrl is { IsAbsoluteUri: false } || ServiceUrl is { Scheme: not ("http" or "https") })
        {
            yield return new ValidationResult("Aws:ServiceUrl must be an absolute http or https URI.", [nameof(ServiceUrl)]);
        }

        if (string.IsNullOrWhiteSpace(AccessKeyId) != string.IsNullOrWhiteSpace(SecretAccessKey))
        {
            yield return new ValidationResult(
                "Aws:AccessKeyId and Aws:SecretAccessKey must be set together (or both left out for the default credential chain).",
                [nameof(AccessKeyId), nameof(SecretAccessKey)]);
        }

        if (StsMaxBreakDuration < StsBreakDuration)
        {
            yield return new ValidationResult(
                "Aws:StsMaxBreakDuration must not be shorter than Aws:StsBreakDuration.",
                [nameof(StsMaxBreakDuration), nameof(StsBreakDuration)]);
        }

        foreach (var result in CredentialSourceValidation.Validate(this))
        {
            yield return result;
        }
    }

    /// <summary>The mode in force once <see cref="CredentialSource"/>'s default is applied.</summary>
    public AwsCredentialSource EffectiveCredentialSource =>
        CredentialSource is { Length: > 0 } named
            ? Enum.TryParse<AwsCredentialSource>(named, ignoreCase: true, out var parsed) ? parsed : AwsCredentialSource.AccessKey
            : string.IsNullOrWhiteSpace(AccessKeyId) && (HasText(WebIdentityAudience) || HasText(WebIdentityTokenFile))
                ? AwsCredentialSource.WebIdentity
                : AwsCredentialSource.AccessKey;

    /// <summary>True when both broker keys are configured.</summary>
    public bool HasStaticKeys => !string.IsNullOrWhiteSpace(AccessKeyId) && !string.IsNullOrWhiteSpace(SecretAccessKey);

    private static bool HasText(string? value) => !string.IsNullOrWhiteSpace(value);
}
