using System.ComponentModel.DataAnnotations;

namespace FileBridge.Core.Aws;

/// <summary>
/// The start-up rules for <c>Aws:CredentialSource</c> and the settings each mode needs. Settings of the other mode
/// are refused rather than ignored: an access key left beside a keyless configuration is a secret nobody meant to keep.
/// </summary>
internal static class CredentialSourceValidation
{
    public static IEnumerable<ValidationResult> Validate(AwsOptions options)
    {
        if (options.CredentialSource is { Length: > 0 } named && !Enum.TryParse<AwsCredentialSource>(named, ignoreCase: true, out _))
        {
            yield return new ValidationResult("Aws:CredentialSource must be AccessKey or WebIdentity.", [nameof(AwsOptions.CredentialSource)]);
            yield break;
        }

        var audience = options.WebIdentityAudience;
        var tokenFile = options.WebIdentityTokenFile;
        if (options.EffectiveCredentialSource == AwsCredentialSource.AccessKey)
        {
            if (!string.IsNullOrWhiteSpace(audience) || !string.IsNullOrWhiteSpace(tokenFile))
            {
                yield return new ValidationResult(
                    "Aws:WebIdentityAudience and Aws:WebIdentityTokenFile apply only when Aws:CredentialSource is WebIdentity.",
                    [nameof(AwsOptions.WebIdentityAudience), nameof(AwsOptions.WebIdentityTokenFile)]);
            }

            yield break;
        }

        if (!string.IsNullOrWhiteSpace(options.AccessKeyId) || !string.IsNullOrWhiteSpace(options.SecretAccessKey))
        {
            yield return new ValidationResult(
                "Aws:AccessKeyId and Aws:SecretAccessKey must not be set when Aws:CredentialSource is WebIdentity: keyless mode holds no AWS secret.",
                [nameof(AwsOptions.AccessKeyId), nameof(AwsOptions.SecretAccessKey)]);
        }

        var hasAudience = !string.IsNullOrWhiteSpace(audience);
        var hasFile = !string.IsNullOrWhiteSpace(tokenFile);
        if (hasAudience == hasFile)
        {
            yield return new ValidationResult(
                hasAudience
                    ? "Aws:WebIdentityAudience and Aws:WebIdentityTokenFile are alternatives: set one."
                    : "Aws:CredentialSource WebIdentity needs Aws:WebIdentityAudience (a managed identity token) or Aws:WebIdentityTokenFile.",
                [nameof(AwsOptions.WebIdentityAudience), nameof(AwsOptions.WebIdentityTokenFile)]);
        }
        else if (hasAudience && audience!.Any(char.IsWhiteSpace))
        {
            yield return new ValidationResult("Aws:WebIdentityAudience must be one application ID URI or client id, without spaces.", [nameof(AwsOptions.WebIdentityAudience)]);
        }
        else if (hasFile && !Path.IsPathFullyQualified(tokenFile!))
        {
            yield return new ValidationResult("Aws:WebIdentityTokenFile must be an absolute path.", [nameof(AwsOptions.WebIdentityTokenFile)]);
        }
    }
}
