using Amazon.Runtime;

namespace FileBridge.Core.Aws;

/// <summary>Temporary credentials from AssumeRole. Deliberately not a record: its ToString must never print the secret.</summary>
public sealed class RoleCredentials(string accessKeyId, string secretAccessKey, string sessionToken, DateTimeOffset expiresAt)
{
    public string AccessKeyId { get; } = accessKeyId;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public AWSCredentials ToAwsCredentials() => new SessionAWSCredentials(AccessKeyId, secretAccessKey, sessionToken);

    public override string ToString() => $"RoleCredentials {AccessKeyId}, expires {ExpiresAt:O}";
}
