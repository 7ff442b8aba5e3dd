using FileBridge.Core.Files;

namespace FileBridge.Core.Tests.Aws;

/// <summary>The one location <see cref="AwsTestHost.Settings"/> configures: <c>Files:Bucket</c> read through <c>Aws:RoleArn</c>.</summary>
internal static class TestLocations
{
    public static FileLocation Demo { get; } = new("", "filebridge-demo", "", "arn:aws:iam:::role/filebridge-reader", "us-east-1");
}
