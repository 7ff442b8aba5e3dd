using System.Text.Json.Nodes;

namespace FileBridge.Infrastructure.Tests;

/// <summary>The CloudFormation template's day-two parameters: names per environment, boundary, KMS, outputs.</summary>
public sealed class AwsOperationsTemplateTests
{
    private readonly CloudFormationTemplate _template = CloudFormationTemplate.Load(RepositoryPaths.AwsTemplate);

    [Fact]
    public void Names_RoleAndUser_EndInTheEnvironmentName()
    {
        var role = _template.Resource("ReaderRole")["Properties"]!["RoleName"];
        var user = _template.Resource("BrokerUser")["Properties"]!["UserName"]!["Fn::If"]!.AsArray();

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Fn::Sub"] = "filebridge-reader-${EnvironmentName}" }, role));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Fn::Sub"] = "filebridge-broker-${EnvironmentName}" }, user[2]));
        Assert.Equal(string.Empty, _template.Parameters["BrokerUserName"]!["Default"].Text());
        Assert.NotNull(_template.Parameters["EnvironmentName"]!["AllowedPattern"]);
    }

    [Theory]
    [InlineData("ReaderRole")]
    [InlineData("BrokerUser")]
    public void PermissionsBoundary_IsOptionalOnEveryPrincipal(string resource)
    {
        var boundary = _template.Resource(resource)["Properties"]!["PermissionsBoundary"];

        var expected = JsonNode.Parse("""{"Fn::If": ["HasBoundary", {"Ref": "PermissionsBoundaryArn"}, {"Ref": "AWS::NoValue"}]}""");
        Assert.True(JsonNode.DeepEquals(expected, boundary), boundary?.ToJsonString());
        Assert.Equal(string.Empty, _template.Parameters["PermissionsBoundaryArn"]!["Default"].Text());
    }

    [Fact]
    public void KmsKey_WhenGiven_IsDecryptOnlyThroughS3()
    {
        var policy = _template.Resource("ReaderKmsPolicy");
        var statement = policy["Properties"]!["PolicyDocument"]!["Statement"]![0]!;

        Assert.Equal("HasKmsKey", policy["Condition"].Text());
        Assert.Equal(["kms:Decrypt"], statement["Action"]!.AsArray().Select(a => a.Text()));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Ref"] = "KmsKeyArn" }, statement["Resource"]![0]));
        Assert.True(JsonNode.DeepEquals(
            new JsonObject { ["Fn::Sub"] = "s3.${AWS::Region}.amazonaws.com" },
            statement["Condition"]!["StringEquals"]!["kms:ViaService"]));
        Assert.Equal(string.Empty, _template.Parameters["KmsKeyArn"]!["Default"].Text());
    }

    [Theory]
    [InlineData("RoleArn")]
    [InlineData("BucketName")]
    [InlineData("Region")]
    [InlineData("CredentialSource")]
    [InlineData("WebIdentityAudience")]
    public void Outputs_GiveEverythingTheAzureSideNeeds(string output) =>
        Assert.True(_template.Outputs.ContainsKey(output), $"no output {output}");
}
