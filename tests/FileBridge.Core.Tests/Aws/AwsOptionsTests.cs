using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Tests.Aws;

public sealed class AwsOptionsTests
{
    [Theory]
    [InlineData("Aws:Region", "", "Aws:Region is required.")]
    [InlineData("Aws:RoleArn", "", "Aws:RoleArn is required.")]
    [InlineData("Aws:RoleArn", "filebridge-reader", "Aws:RoleArn must look like")]
    [InlineData("Aws:RoleArn", "arn:aws:iam::12345:role/x", "Aws:RoleArn must look like")]
    [InlineData("Aws:RoleArn", "arn:aws:iam::123456789012:user/x", "Aws:RoleArn must look like")]
    [InlineData("Aws:ServiceUrl", "/relative", "Aws:ServiceUrl must be an absolute")]
    [InlineData("Aws:ServiceUrl", "ftp://127.0.0.1", "Aws:ServiceUrl must be an absolute")]
    [InlineData("Aws:SecretAccessKey", "", "Aws:AccessKeyId and Aws:SecretAccessKey must be set together")]
    [InlineData("Aws:SessionDuration", "00:10:00", "Aws:SessionDuration must be between 15 minutes and 12 hours.")]
    [InlineData("Aws:SessionDuration", "13:00:00", "Aws:SessionDuration must be between 15 minutes and 12 hours.")]
    [InlineData("Aws:StsMaxRetries", "11", "Aws:StsMaxRetries must be")]
    [InlineData("Files:Bucket", "", "Files:Bucket is required.")]
    [InlineData("Files:Bucket", "Upper_Case", "Files:Bucket must be a valid S3 bucket name")]
    [InlineData("Files:Bucket", "ab", "Files:Bucket must be a valid S3 bucket name")]
    [InlineData("Files:Bucket", "a..b", "Files:Bucket must be a valid S3 bucket name")]
    [InlineData("Files:Bucket", "192.168.1.1", "Files:Bucket must be a valid S3 bucket name")]
    [InlineData("Files:DownloadUrlLifetime", "00:16:00", "Files:DownloadUrlLifetime must be between 1 second and 15 minutes.")]
    [InlineData("Files:DefaultPrefixes", "shared/;../etc/", "Files:DefaultPrefixes has an invalid prefix")]
    [InlineData("Files:DefaultPrefixes", "proj*/", "Files:DefaultPrefixes has an invalid prefix: 'proj*/' holds '*', '?' or '${'")]
    [InlineData("Files:DefaultPrefixes", "shared/;a/${aws:userid}/", "Files:DefaultPrefixes has an invalid prefix: 'a/${aws:userid}/' holds")]
    [InlineData("Files:DefaultPrefixes", "what?/", "Files:DefaultPrefixes has an invalid prefix: 'what?/' holds")]
    [InlineData("Files:DefaultPrefixes", "*;shared/", "Files:DefaultPrefixes has an invalid prefix: '*' grants everything and must stand alone.")]
    public void Start_WithBadSetting_FailsNamingTheSetting(string setting, string value, string expected)
    {
        var settings = AwsTestHost.Settings();
        settings[setting] = value;
        using var host = AwsTestHost.Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.Start());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:iam:::role/filebridge-reader")]
    [InlineData("arn:aws:iam::123456789012:role/path/to/reader")]
    [InlineData("arn:aws-us-gov:iam::123456789012:role/reader")]
    public void Validate_GoodRoleArn_Passes(string arn)
    {
        var settings = AwsTestHost.Settings();
        settings["Aws:RoleArn"] = arn;
        using var host = AwsTestHost.Build(settings);

        var options = host.Services.GetService(typeof(IOptions<AwsOptions>)) as IOptions<AwsOptions>;

        Assert.Equal(arn, options!.Value.RoleArn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("shared/;home/alice")]
    public void Validate_GrantableDefaultPrefixes_Pass(string value)
    {
        var settings = AwsTestHost.Settings();
        settings["Files:DefaultPrefixes"] = value;
        using var host = AwsTestHost.Build(settings);

        var options = host.Services.GetService(typeof(IOptions<FilesOptions>)) as IOptions<FilesOptions>;

        Assert.Equal(value, options!.Value.DefaultPrefixes ?? "");
    }

    [Fact]
    public void Defaults_MatchTheDesign()
    {
        var aws = new AwsOptions();
        var files = new FilesOptions();

        Assert.Equal(TimeSpan.FromHours(1), aws.SessionDuration);
        Assert.Equal(TimeSpan.FromSeconds(5), aws.StsAttemptTimeout);
        Assert.Equal(3, aws.StsMaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), aws.StsBreakDuration);
        Assert.Equal(TimeSpan.FromSeconds(8), aws.StsMaxBreakDuration);
        Assert.Equal(TimeSpan.FromMinutes(5), files.DownloadUrlLifetime);
        Assert.True(string.IsNullOrEmpty(files.DefaultPrefixes)); // access fails closed unless an operator grants
    }

    [Fact]
    public void StsConfig_TurnsSdkRetriesOffAndUsesTheEndpoint()
    {
        var options = new AwsOptions { Region = "us-east-1", RoleArn = "arn:aws:iam:::role/r", ServiceUrl = new Uri("http://127.0.0.1:7480"), StsAttemptTimeout = TimeSpan.FromSeconds(3) };

        var sts = AwsClientConfigs.CreateStsConfig(options);
        var s3 = AwsClientConfigs.CreateS3Config(options);

        Assert.Equal(0, sts.MaxErrorRetry);
        Assert.Equal(TimeSpan.FromSeconds(3), sts.Timeout);
        Assert.Equal("us-east-1", sts.AuthenticationRegion);
        Assert.StartsWith("http://127.0.0.1:7480", sts.ServiceURL, StringComparison.Ordinal);
        Assert.True(s3.ForcePathStyle);
        Assert.Equal(Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED, s3.RequestChecksumCalculation);
        Assert.Equal(Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED, s3.ResponseChecksumValidation);
    }

    [Fact]
    public void S3Config_CustomEndpoint_SignsForTheConfiguredRegionWithoutLookingOneUp()
    {
        var options = new AwsOptions { Region = "eu-west-1", RoleArn = "arn:aws:iam:::role/r", ServiceUrl = new Uri("http://127.0.0.1:7480") };

        Assert.Equal("eu-west-1", AwsClientConfigs.CreateS3Config(options).AuthenticationRegion);
        Assert.Equal("eu-central-1", AwsClientConfigs.CreateS3Config(options, region: "eu-central-1").AuthenticationRegion);
    }
}
