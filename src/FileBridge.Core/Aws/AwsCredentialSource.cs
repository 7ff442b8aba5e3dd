namespace FileBridge.Core.Aws;

/// <summary>How the broker proves who it is to STS (<c>Aws:CredentialSource</c>).</summary>
public enum AwsCredentialSource
{
    /// <summary>AssumeRole signed with the broker IAM user's key (or the SDK's default credential chain).</summary>
    AccessKey,

    /// <summary>Keyless: AssumeRoleWithWebIdentity with an OpenID Connect token; no AWS secret on the Azure side.</summary>
    WebIdentity,
}
