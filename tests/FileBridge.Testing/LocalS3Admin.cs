using Amazon.Runtime;
using Amazon.S3;

namespace FileBridge.Testing;

/// <summary>
/// An S3 client with the local endpoint's admin keys (scripts/local-aws.sh), for what tests and benchmarks put into or
/// read from the buckets behind FileBridge's back.
/// </summary>
public static class LocalS3Admin
{
    public static AmazonS3Client CreateClient() =>
        new(
            new BasicAWSCredentials(TestEnvironment.AdminAccessKeyId, TestEnvironment.AdminSecretAccessKey),
            new AmazonS3Config
            {
                ServiceURL = TestEnvironment.AwsServiceUrl,
                ForcePathStyle = true,
                AuthenticationRegion = TestEnvironment.AwsRegion,
                // The local Ceph endpoint understands neither flexible checksums nor chunked uploads.
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            });
}
