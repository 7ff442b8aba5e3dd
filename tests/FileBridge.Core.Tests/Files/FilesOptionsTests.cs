using System.ComponentModel.DataAnnotations;
using FileBridge.Core.Files;

namespace FileBridge.Core.Tests.Files;

public sealed class FilesOptionsTests
{
    [Fact]
    public void Validate_LocationsWithoutBucket_IsValid()
    {
        var options = new FilesOptions { Locations = [new LocationOptions { Name = "logs", Bucket = "acme-logs" }], DefaultPrefixes = "logs/app/" };

        Assert.Empty(Errors(options));
    }

    [Theory]
    [InlineData("", "acme-logs", null, null, "Files:Locations:0:Name")]
    [InlineData("a/b", "acme-logs", null, null, "Files:Locations:0:Name")]
    [InlineData("*", "acme-logs", null, null, "Files:Locations:0:Name")]
    [InlineData("logs", "Not_A_Bucket", null, null, "Files:Locations:0:Bucket")]
    [InlineData("logs", "acme-logs", "a/*/", null, "Files:Locations:0:Prefix")]
    [InlineData("logs", "acme-logs", "../x", null, "Files:Locations:0:Prefix")]
    [InlineData("logs", "acme-logs", null, "not-an-arn", "Files:Locations:0:RoleArn")]
    public void Validate_BadLocation_NamesTheSetting(string name, string bucket, string? prefix, string? roleArn, string expected)
    {
        var options = new FilesOptions { Locations = [new LocationOptions { Name = name, Bucket = bucket, Prefix = prefix, RoleArn = roleArn }] };

        Assert.Contains(Errors(options), e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DuplicateNames_AreRefused()
    {
        var options = new FilesOptions { Locations = [new LocationOptions { Name = "a", Bucket = "bucket-a" }, new LocationOptions { Name = "a", Bucket = "bucket-b" }] };

        Assert.Contains(Errors(options), e => e.Contains("used by another location", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DefaultPrefixNamingNoLocation_IsRefused()
    {
        var options = new FilesOptions { Locations = [new LocationOptions { Name = "logs", Bucket = "acme-logs" }], DefaultPrefixes = "home/" };

        Assert.Contains(Errors(options), e => e.StartsWith("Files:DefaultPrefixes", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NeitherBucketNorLocations_IsRefused() =>
        Assert.Contains(Errors(new FilesOptions()), e => e.StartsWith("Files:Bucket is required.", StringComparison.Ordinal));

    [Fact]
    public void SearchScanLimit_Default_Is5000() => Assert.Equal(5000, new FilesOptions().SearchScanLimit);

    private static List<string> Errors(FilesOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }
}
