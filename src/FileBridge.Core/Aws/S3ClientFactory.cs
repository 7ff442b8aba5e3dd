using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Aws;

/// <summary>Builds the S3 client for one set of assumed credentials; the credential cache keeps it as long as the credentials.</summary>
public sealed class S3ClientFactory(IOptions<AwsOptions> options, HttpClientFactory? httpClientFactory = null)
{
    /// <param name="credentials">The assumed-role credentials.</param>
    /// <param name="region">The bucket's region when it differs from <c>Aws:Region</c> (a location elsewhere).</param>
    public IAmazonS3 Create(AWSCredentials credentials, string? region = null) =>
        new AmazonS3Client(credentials, AwsClientConfigs.CreateS3Config(options.Value, httpClientFactory, region));
}
