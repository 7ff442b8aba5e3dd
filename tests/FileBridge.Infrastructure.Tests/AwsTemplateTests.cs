using System.Text.Json.Nodes;

namespace FileBridge.Infrastructure.Tests;

public sealed class AwsTemplateTests
{
    private readonly CloudFormationTemplate _template = CloudFormationTemplate.Load(RepositoryPaths.AwsTemplate);

    [Fact]
    public void ReaderRole_TrustPolicy_IsThePolicyFile()
    {
        var file = JsonNode.Parse(File.ReadAllText(RepositoryPaths.TrustPolicy));

        var embedded = CloudFormationTemplate.WithSubstitutionsAsPlaceholders(RoleProperties["AssumeRolePolicyDocument"]);

        Assert.True(JsonNode.DeepEquals(file, embedded), $"Template: {embedded?.ToJsonString()}\nFile: {file?.ToJsonString()}");
    }

    [Fact]
    public void ReaderRole_PermissionsPolicy_IsThePolicyFile()
    {
        var file = JsonNode.Parse(File.ReadAllText(RepositoryPaths.PermissionsPolicy));

        var policy = Assert.Single(RoleProperties["Policies"]!.AsArray())!;
        var embedded = CloudFormationTemplate.WithSubstitutionsAsPlaceholders(policy["PolicyDocument"]);

        Assert.True(JsonNode.DeepEquals(file, embedded), $"Template: {embedded?.ToJsonString()}\nFile: {file?.ToJsonString()}");
    }

    [Fact]
    public void ReaderRole_TrustPolicy_NamesOnlyTheBrokerUser()
    {
        var statements = RoleProperties["AssumeRolePolicyDocument"]!["Statement"]!.AsArray();

        var principals = statements.SelectMany(s => s!["Principal"]!.AsObject()).ToList();
        var (principalType, arns) = Assert.Single(principals);
        var substitution = Assert.Single(arns!.AsArray())!["Fn::Sub"]!.AsArray();

        Assert.Equal("AWS", principalType);
        Assert.Equal("${BrokerUserArn}", substitution[0].Text());
        Assert.True(JsonNode.DeepEquals(GetAtt("BrokerUser", "Arn"), substitution[1]!["BrokerUserArn"]));
    }

    [Fact]
    public void ReaderRole_Permissions_CannotWriteAnything()
    {
        var statements = AllowStatements(RoleProperties["Policies"]!.AsArray().Select(p => p!["PolicyDocument"])).ToList();

        var actions = statements.SelectMany(s => Values(s["Action"])).ToHashSet();

        Assert.NotEmpty(statements);
        Assert.Equal(new HashSet<string> { "s3:GetObject", "s3:ListBucket" }, actions);
        Assert.All(statements, s => Assert.False(s.ContainsKey("NotAction"), "NotAction grants everything else."));
        Assert.False(RoleProperties.ContainsKey("ManagedPolicyArns"));
        Assert.Empty(_template.ResourcesOfType("AWS::IAM::RolePolicy"));
    }

    [Fact]
    public void ReaderRole_Permissions_AreLimitedToTheBucket()
    {
        var statements = AllowStatements(RoleProperties["Policies"]!.AsArray().Select(p => p!["PolicyDocument"]));

        var resources = statements.SelectMany(s => s["Resource"]!.AsArray()).Select(r => r!["Fn::Sub"].Text()).ToHashSet();

        Assert.Equal(new HashSet<string> { "arn:aws:s3:::${BucketName}", "arn:aws:s3:::${BucketName}/*" }, resources);
        Assert.True(_template.Parameters.ContainsKey("BucketName"));
    }

    [Fact]
    public void ReaderRole_Settings_AreNameAndTwelveHourMaximum()
    {
        var properties = RoleProperties;

        Assert.Equal("filebridge-reader", properties["RoleName"].Text());
        Assert.Equal("43200", properties["MaxSessionDuration"].Text());
    }

    [Fact]
    public void BrokerUser_Permissions_AreOnlyAssumingTheReaderRole()
    {
        var user = _template.Resource("BrokerUser")["Properties"]!.AsObject();
        var userPolicies = _template.ResourcesOfType("AWS::IAM::UserPolicy").Select(p => p.Value["Properties"]!).ToList();

        var statements = AllowStatements(userPolicies.Select(p => p["PolicyDocument"])).ToList();
        var statement = Assert.Single(statements);

        Assert.All(userPolicies, p => Assert.True(JsonNode.DeepEquals(new JsonObject { ["Ref"] = "BrokerUser" }, p["UserName"])));
        Assert.Equal(["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"], Values(statement["Action"]));
        Assert.True(JsonNode.DeepEquals(GetAtt("ReaderRole", "Arn"), Assert.Single(statement["Resource"]!.AsArray())));
        Assert.False(user.ContainsKey("Policies"));
        Assert.False(user.ContainsKey("ManagedPolicyArns"));
        Assert.False(user.ContainsKey("Groups"));
        Assert.False(user.ContainsKey("LoginProfile"));
        Assert.Empty(_template.ResourcesOfType("AWS::IAM::Policy"));
        Assert.Empty(_template.ResourcesOfType("AWS::IAM::ManagedPolicy"));
        Assert.Empty(_template.ResourcesOfType("AWS::IAM::UserToGroupAddition"));
    }

    [Fact]
    public void Template_AccessKey_IsNeitherCreatedNorOutput()
    {
        var outputs = _template.Outputs.ToJsonString();

        var keys = _template.ResourcesOfType("AWS::IAM::AccessKey");

        Assert.Empty(keys);
        Assert.DoesNotContain("SecretAccessKey", outputs, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_Outputs_AreRoleArnAndBrokerUser()
    {
        var outputs = _template.Outputs;

        Assert.Equal(["RoleArn", "BrokerUserName", "BrokerUserArn"], outputs.Select(o => o.Key));
        Assert.True(JsonNode.DeepEquals(GetAtt("ReaderRole", "Arn"), outputs["RoleArn"]!["Value"]));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Ref"] = "BrokerUser" }, outputs["BrokerUserName"]!["Value"]));
        Assert.True(JsonNode.DeepEquals(GetAtt("BrokerUser", "Arn"), outputs["BrokerUserArn"]!["Value"]));
    }

    private JsonObject RoleProperties => _template.Resource("ReaderRole")["Properties"]!.AsObject();

    private static IEnumerable<JsonObject> AllowStatements(IEnumerable<JsonNode?> documents)
    {
        foreach (var statement in documents.SelectMany(d => d!["Statement"]!.AsArray()).Select(s => s!.AsObject()))
        {
            Assert.Equal("Allow", statement["Effect"].Text());
            yield return statement;
        }
    }

    private static List<string> Values(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(n => n.Text()).ToList(),
        _ => [node.Text()],
    };

    private static JsonObject GetAtt(string logicalId, string attribute) =>
        new() { ["Fn::GetAtt"] = new JsonArray(logicalId, attribute) };
}
