using System.Text.Json;
using FileBridge.Core.Aws;

namespace FileBridge.Core.Tests.Aws;

public sealed class SessionPolicyTests
{
    [Fact]
    public void Build_WholeBucket_HasNoPolicy()
    {
        var policy = SessionPolicy.Build("filebridge-demo", []);

        Assert.Null(policy);
    }

    [Fact]
    public void Build_Prefixes_GrantsListingAndReadingOnlyThere()
    {
        var policy = SessionPolicy.Build("filebridge-demo", ["home/alice/", "shared/"]);

        using var json = JsonDocument.Parse(policy!);
        var root = json.RootElement;
        Assert.Equal("2012-10-17", root.GetProperty("Version").GetString());
        var statements = root.GetProperty("Statement").EnumerateArray().ToList();
        Assert.Equal(2, statements.Count);

        var list = statements[0];
        Assert.Equal("Allow", list.GetProperty("Effect").GetString());
        Assert.Equal("s3:ListBucket", list.GetProperty("Action").GetString());
        Assert.Equal("arn:aws:s3:::filebridge-demo", list.GetProperty("Resource").GetString());
        var prefixes = list.GetProperty("Condition").GetProperty("StringLike").GetProperty("s3:prefix").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["home/alice/", "home/alice/*", "shared/", "shared/*"], prefixes);

        var read = statements[1];
        Assert.Equal("Allow", read.GetProperty("Effect").GetString());
        Assert.Equal("s3:GetObject", read.GetProperty("Action").GetString());
        var resources = read.GetProperty("Resource").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["arn:aws:s3:::filebridge-demo/home/alice/*", "arn:aws:s3:::filebridge-demo/shared/*"], resources);
    }

    [Fact]
    public void Build_IsCompactJsonWithoutWhitespace()
    {
        var policy = SessionPolicy.Build("b-1", ["a/"]);

        Assert.DoesNotContain(' ', policy!);
        Assert.DoesNotContain('\n', policy!);
    }

    [Fact]
    public void Build_PrefixWithQuotes_IsEscapedNotInjected()
    {
        var policy = SessionPolicy.Build("b-1", ["a\"},{\"Effect\":\"Allow/"]);

        using var json = JsonDocument.Parse(policy!);
        Assert.Equal(2, json.RootElement.GetProperty("Statement").GetArrayLength());
    }
}
