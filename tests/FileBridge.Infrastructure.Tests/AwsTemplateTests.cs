using System.Text.Json.Nodes;

namespace FileBridge.Infrastructure.Tests;

/// <summary>The CloudFormation template in both modes: WebIdentity (keyless, the default) and AccessKey.</summary>
public sealed class AwsTemplateTests
{
    private readonly CloudFormationTemplate _template = CloudFormationTemplate.Load(RepositoryPaths.AwsTemplate);

    [Fact]
    public void CredentialSource_IsAParameterWithBothModes_KeylessByDefault()
    {
        var parameter = _template.Parameters["CredentialSource"]!;

        Assert.Equal(["WebIdentity", "AccessKey"], parameter["AllowedValues"]!.AsArray().Select(v => v.Text()));
        Assert.Equal("WebIdentity", parameter["Default"].Text());
        Assert.True(JsonNode.DeepEquals(Equals("WebIdentity"), _template.Root["Conditions"]!["UseWebIdentity"]));
        Assert.True(JsonNode.DeepEquals(Equals("AccessKey"), _template.Root["Conditions"]!["UseAccessKey"]));
    }

    [Fact]
    public void WebIdentity_TrustPolicy_IsThePolicyFile()
    {
        var file = JsonNode.Parse(File.ReadAllText(RepositoryPaths.WebIdentityTrustPolicy));

        var embedded = JsonNode.Parse(WebIdentityTrust[0].Text());

        Assert.True(JsonNode.DeepEquals(file, embedded), $"Template: {embedded?.ToJsonString()}\nFile: {file?.ToJsonString()}");
    }

    [Fact]
    public void WebIdentity_Trust_IsTheTenantsProviderPinnedToAudienceAndManagedIdentity()
    {
        var statement = Assert.Single(JsonNode.Parse(WebIdentityTrust[0].Text())!["Statement"]!.AsArray())!;
        var variables = WebIdentityTrust[1]!.AsObject();

        var conditions = statement["Condition"]!.AsObject();
        var equals = Assert.Single(conditions).Value!.AsObject();

        Assert.Equal("StringEquals", Assert.Single(conditions).Key);
        Assert.Equal(["sts:AssumeRoleWithWebIdentity"], Values(statement["Action"]));
        Assert.Equal(["${OidcProviderArn}"], Values(statement["Principal"]!["Federated"]));
        Assert.Equal("${Audience}", equals["${OidcProvider}:aud"].Text());
        Assert.Equal("${Subject}", equals["${OidcProvider}:sub"].Text());
        Assert.Equal(2, equals.Count);
        Assert.True(JsonNode.DeepEquals(ExistingOrCreatedProvider(), variables["OidcProviderArn"]));
        Assert.Equal("sts.windows.net/${EntraTenantId}/", variables["OidcProvider"]!["Fn::Sub"].Text());
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Ref"] = "WebIdentityAudience" }, variables["Audience"]));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Ref"] = "ManagedIdentityPrincipalId" }, variables["Subject"]));
    }

    [Fact]
    public void WebIdentity_IdentityProvider_IsTheTenantsIssuerForTheAudience()
    {
        var provider = _template.Resource("EntraIdentityProvider");

        var properties = provider["Properties"]!;

        Assert.Equal("AWS::IAM::OIDCProvider", provider["Type"].Text());
        Assert.Equal("CreateOidcProvider", provider["Condition"].Text());
        Assert.Equal("https://sts.windows.net/${EntraTenantId}/", properties["Url"]!["Fn::Sub"].Text());
        Assert.True(JsonNode.DeepEquals(new JsonArray(new JsonObject { ["Ref"] = "WebIdentityAudience" }), properties["ClientIdList"]));
    }

    [Fact]
    public void WebIdentity_RequiresTenantAudienceAndManagedIdentity()
    {
        var rule = _template.Root["Rules"]!["WebIdentityNeedsTenantAudienceAndIdentity"]!;

        var asserted = rule["Assertions"]!.AsArray().Select(a => a!["Assert"]!["Fn::Not"]![0]!["Fn::Equals"]![0]!["Ref"].Text());

        Assert.True(JsonNode.DeepEquals(Equals("WebIdentity"), rule["RuleCondition"]));
        Assert.Equal(["EntraTenantId", "WebIdentityAudience", "ManagedIdentityPrincipalId"], asserted);
    }

    [Fact]
    public void WebIdentity_CreatesNoUserNoKeyAndNoUserPolicy()
    {
        var userResources = _template.Resources
            .Where(r => r.Value!["Type"].Text() is "AWS::IAM::User" or "AWS::IAM::UserPolicy" or "AWS::IAM::AccessKey")
            .ToList();

        Assert.NotEmpty(userResources);
        Assert.All(userResources, r => Assert.Equal("UseAccessKey", r.Value!["Condition"].Text()));
        Assert.Equal("UseAccessKey", _template.Outputs["BrokerUserName"]!["Condition"].Text());
        Assert.Equal("UseAccessKey", _template.Outputs["BrokerUserArn"]!["Condition"].Text());
    }

    [Fact]
    public void AccessKey_TrustPolicy_IsThePolicyFile()
    {
        var file = JsonNode.Parse(File.ReadAllText(RepositoryPaths.TrustPolicy));

        var embedded = CloudFormationTemplate.WithSubstitutionsAsPlaceholders(AccessKeyTrust);

        Assert.True(JsonNode.DeepEquals(file, embedded), $"Template: {embedded?.ToJsonString()}\nFile: {file?.ToJsonString()}");
    }

    [Fact]
    public void AccessKey_TrustPolicy_NamesOnlyTheBrokerUser()
    {
        var statements = AccessKeyTrust["Statement"]!.AsArray();

        var principals = statements.SelectMany(s => s!["Principal"]!.AsObject()).ToList();
        var (principalType, arns) = Assert.Single(principals);
        var substitution = Assert.Single(arns!.AsArray())!["Fn::Sub"]!.AsArray();

        Assert.Equal("AWS", principalType);
        Assert.Equal("${BrokerUserArn}", substitution[0].Text());
        Assert.True(JsonNode.DeepEquals(GetAtt("BrokerUser", "Arn"), substitution[1]!["BrokerUserArn"]));
    }

    [Fact]
    public void ReaderRole_TrustIsChosenByTheMode()
    {
        var choice = RoleProperties["AssumeRolePolicyDocument"]!["Fn::If"]!.AsArray();

        Assert.Equal(3, choice.Count);
        Assert.Equal("UseWebIdentity", choice[0].Text());
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
    public void ReaderRole_Permissions_CannotWriteAnything()
    {
        var statements = AllowStatements(RoleProperties["Policies"]!.AsArray().Select(p => p!["PolicyDocument"])).ToList();

        var actions = statements.SelectMany(s => Values(s["Action"])).ToHashSet();

        Assert.NotEmpty(statements);
        Assert.Equal(new HashSet<string> { "s3:GetObject", "s3:ListBucket" }, actions);
        Assert.All(statements, s => Assert.False(s.ContainsKey("NotAction"), "NotAction grants everything else."));
        Assert.False(RoleProperties.ContainsKey("ManagedPolicyArns"));
        // The only other policies on the role are the optional kms:Decrypt one (see ReaderKmsPolicy tests) and the
        // optional read of further buckets (ExtraBuckets tests).
        Assert.Equal(["ReaderExtraBucketsPolicy", "ReaderKmsPolicy"], _template.ResourcesOfType("AWS::IAM::RolePolicy").Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReaderRole_Permissions_AreLimitedToTheBucket()
    {
        var statements = AllowStatements(RoleProperties["Policies"]!.AsArray().Select(p => p!["PolicyDocument"]));

        var resources = statements.SelectMany(s => s["Resource"]!.AsArray()).Select(r => r!["Fn::Sub"].Text()).ToHashSet();

        Assert.Equal(new HashSet<string> { "arn:aws:s3:::${BucketName}", "arn:aws:s3:::${BucketName}/*" }, resources);
        Assert.True(_template.Parameters.ContainsKey("BucketName"));
    }

    [Theory]
    [InlineData("acme-logs", new[] { "arn:aws:s3:::acme-logs" }, new[] { "arn:aws:s3:::acme-logs/*" })]
    [InlineData("acme-logs,acme-ci.builds", new[] { "arn:aws:s3:::acme-logs", "arn:aws:s3:::acme-ci.builds" }, new[] { "arn:aws:s3:::acme-logs/*", "arn:aws:s3:::acme-ci.builds/*" })]
    public void ExtraBuckets_AreListedAndReadByTheSameRole_ExactlyAsTheOwnBucket(string buckets, string[] listed, string[] read)
    {
        var policy = _template.Resource("ReaderExtraBucketsPolicy");
        var statements = policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()).ToList();

        Assert.Equal("HasExtraBuckets", policy["Condition"].Text());
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Ref"] = "ReaderRole" }, policy["Properties"]!["RoleName"]));
        Assert.All(statements, s => Assert.Equal("Allow", s["Effect"].Text()));
        Assert.Equal([["s3:ListBucket"], ["s3:GetObject"]], statements.Select(s => s["Action"]!.AsArray().Select(a => a.Text()).ToArray()));
        Assert.Equal(listed, Evaluate(statements[0]["Resource"], buckets));
        Assert.Equal(read, Evaluate(statements[1]["Resource"], buckets));
    }

    [Fact]
    public void ExtraBuckets_AreOptional_AndOnlyBucketNames()
    {
        var parameter = _template.Parameters["ExtraBucketNames"]!;
        var pattern = new System.Text.RegularExpressions.Regex(parameter["AllowedPattern"].Text());

        Assert.Equal(string.Empty, parameter["Default"].Text());
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Fn::Not"] = new JsonArray(new JsonObject { ["Fn::Equals"] = new JsonArray(new JsonObject { ["Ref"] = "ExtraBucketNames" }, string.Empty) }) }, _template.Root["Conditions"]!["HasExtraBuckets"]));
        Assert.All(new[] { string.Empty, "acme-logs", "acme-logs,acme-ci" }, v => Assert.Matches(pattern, v));
        // A wildcard, an ARN, a space or an empty entry would widen or break the policy.
        Assert.All(new[] { "*", "acme-*", "arn:aws:s3:::acme", "acme-logs, acme-ci", "acme-logs,", ",acme-logs" }, v => Assert.DoesNotMatch(pattern, v));
    }

    /// <summary>Fn::Split, Fn::Sub with variables, Fn::Join and Ref ExtraBucketNames, as CloudFormation resolves them.</summary>
    private static string[] Evaluate(JsonNode? node, string extraBucketNames)
    {
        object Resolve(JsonNode? n) => n switch
        {
            JsonObject o when o.ContainsKey("Ref") => o["Ref"].Text() == "ExtraBucketNames" ? extraBucketNames : throw new InvalidOperationException(o.ToJsonString()),
            JsonObject o when o["Fn::Split"] is JsonArray split => ((string)Resolve(split[1])).Split(split[0].Text()),
            JsonObject o when o["Fn::Join"] is JsonArray join => string.Join(join[0].Text(), (string[])Resolve(join[1])),
            JsonObject o when o["Fn::Sub"] is JsonArray sub => sub[1]!.AsObject().Aggregate(sub[0].Text(), (text, v) => text.Replace($"${{{v.Key}}}", (string)Resolve(v.Value), StringComparison.Ordinal)),
            _ => throw new InvalidOperationException(n?.ToJsonString()),
        };
        return (string[])Resolve(node);
    }

    [Fact]
    public void ReaderRole_Settings_AreNameAndOneHourMaximumInBothModes()
    {
        var properties = RoleProperties;

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Fn::Sub"] = "filebridge-reader-${EnvironmentName}" }, properties["RoleName"]));
        Assert.Equal("3600", properties["MaxSessionDuration"].Text());
        Assert.False(_template.Resource("ReaderRole").ContainsKey("Condition"));
    }

    [Fact]
    public void Template_NowhereAllowsSourceIdentityOrSessionTags()
    {
        // One hop: neither is used, so neither is granted (the trust and the broker user's policy alike).
        var text = File.ReadAllText(RepositoryPaths.AwsTemplate)
            + File.ReadAllText(RepositoryPaths.TrustPolicy)
            + File.ReadAllText(RepositoryPaths.WebIdentityTrustPolicy);

        Assert.DoesNotContain("sts:SetSourceIdentity", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sts:TagSession", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AccessKey_BrokerUser_MayOnlyAssumeTheReaderRole()
    {
        var user = _template.Resource("BrokerUser")["Properties"]!.AsObject();
        var userPolicies = _template.ResourcesOfType("AWS::IAM::UserPolicy").Select(p => p.Value["Properties"]!).ToList();

        var statements = AllowStatements(userPolicies.Select(p => p["PolicyDocument"])).ToList();
        var statement = Assert.Single(statements);

        Assert.All(userPolicies, p => Assert.True(JsonNode.DeepEquals(new JsonObject { ["Ref"] = "BrokerUser" }, p["UserName"])));
        Assert.Equal(["sts:AssumeRole"], Values(statement["Action"]));
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
    public void Template_Outputs_AreRoleArnAndEachModesPrincipal()
    {
        var outputs = _template.Outputs;

        Assert.Equal(
            ["RoleArn", "RoleName", "BucketName", "Region", "CredentialSource", "WebIdentityAudience", "IdentityProviderArn", "BrokerUserName", "BrokerUserArn", "DataEventsTrailArn"],
            outputs.Select(o => o.Key));
        Assert.True(JsonNode.DeepEquals(GetAtt("ReaderRole", "Arn"), outputs["RoleArn"]!["Value"]));
        Assert.False(outputs["RoleArn"]!.AsObject().ContainsKey("Condition"));
        Assert.Equal("UseWebIdentity", outputs["IdentityProviderArn"]!["Condition"].Text());
        Assert.True(JsonNode.DeepEquals(ExistingOrCreatedProvider(), outputs["IdentityProviderArn"]!["Value"]));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Ref"] = "BrokerUser" }, outputs["BrokerUserName"]!["Value"]));
        Assert.True(JsonNode.DeepEquals(GetAtt("BrokerUser", "Arn"), outputs["BrokerUserArn"]!["Value"]));
    }

    [Fact]
    public void WebIdentity_ASecondStackInTheAccount_ReusesTheExistingProviderInsteadOfCreatingOne()
    {
        var parameter = _template.Parameters["ExistingOidcProviderArn"]!;
        var conditions = _template.Root["Conditions"]!;

        Assert.Equal(string.Empty, parameter["Default"].Text());
        Assert.Matches(parameter["AllowedPattern"].Text(), "arn:aws:iam::123456789012:oidc-provider/sts.windows.net/8d7c6b5a-4f3e-4d2c-9b1a-0e9f8d7c6b5a/");
        Assert.DoesNotMatch(parameter["AllowedPattern"].Text(), "arn:aws:iam::123456789012:oidc-provider/login.microsoftonline.com/8d7c6b5a-4f3e-4d2c-9b1a-0e9f8d7c6b5a/v2.0");
        Assert.Equal(
            """{"Fn::And":[{"Condition":"UseWebIdentity"},{"Fn::Not":[{"Condition":"HasExistingOidcProvider"}]}]}""",
            conditions["CreateOidcProvider"]!.ToJsonString());
        Assert.Equal(
            """{"Fn::Not":[{"Fn::Equals":[{"Ref":"ExistingOidcProviderArn"},""]}]}""",
            conditions["HasExistingOidcProvider"]!.ToJsonString());
    }

    [Fact]
    public void DataEventsTrail_IsOffByDefault_AndWhenOnRecordsOnlyObjectReadsOfTheBucketIntoAPrivateBucket()
    {
        var parameter = _template.Parameters["DataEventsTrail"]!;
        var trail = _template.Resource("DataEventsTrailResource");
        var bucket = _template.Resource("DataEventsBucket");
        var selectors = Assert.Single(trail["Properties"]!["AdvancedEventSelectors"]!.AsArray())!["FieldSelectors"]!.AsArray()
            .ToDictionary(f => f!["Field"].Text(), f => f!.AsObject());

        Assert.Equal("false", parameter["Default"].Text());
        Assert.All(new[] { trail, bucket, _template.Resource("DataEventsBucketPolicy") }, r => Assert.Equal("RecordDataEvents", r["Condition"].Text()));
        Assert.Equal("""{"Fn::Equals":[{"Ref":"DataEventsTrail"},"true"]}""", _template.Root["Conditions"]!["RecordDataEvents"]!.ToJsonString());
        Assert.Equal("""["Data"]""", selectors["eventCategory"]["Equals"]!.ToJsonString());
        Assert.Equal("""["AWS::S3::Object"]""", selectors["resources.type"]["Equals"]!.ToJsonString());
        Assert.Equal("""["true"]""", selectors["readOnly"]["Equals"]!.ToJsonString());
        Assert.Equal("arn:${AWS::Partition}:s3:::${BucketName}/", selectors["resources.ARN"]["StartsWith"]![0]!["Fn::Sub"].Text());
        Assert.Equal("true", trail["Properties"]!["EnableLogFileValidation"].Text());
        Assert.All(new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" },
            k => Assert.Equal("true", bucket["Properties"]!["PublicAccessBlockConfiguration"]![k].Text()));
        Assert.Equal("Retain", bucket["DeletionPolicy"].Text());
    }

    private static JsonObject ExistingOrCreatedProvider() => new()
    {
        ["Fn::If"] = new JsonArray("HasExistingOidcProvider", new JsonObject { ["Ref"] = "ExistingOidcProviderArn" }, new JsonObject { ["Ref"] = "EntraIdentityProvider" }),
    };

    private JsonObject RoleProperties => _template.Resource("ReaderRole")["Properties"]!.AsObject();

    /// <summary>The web identity branch: <c>Fn::Sub</c> of [JSON text, variables].</summary>
    private JsonArray WebIdentityTrust => RoleProperties["AssumeRolePolicyDocument"]!["Fn::If"]![1]!["Fn::Sub"]!.AsArray();

    private JsonObject AccessKeyTrust => RoleProperties["AssumeRolePolicyDocument"]!["Fn::If"]![2]!.AsObject();

    private static JsonObject Equals(string mode) =>
        new() { ["Fn::Equals"] = new JsonArray(new JsonObject { ["Ref"] = "CredentialSource" }, mode) };

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
