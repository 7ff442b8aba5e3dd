using System.Text.Json.Nodes;

namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// The optional edge: Azure Front Door in front of the static web app, with a WAF policy that holds the
/// seed's usage plan per client address. The compiled template keeps both states, so "off" is asserted as
/// a false default guarding every edge resource, and "on" as what those resources say.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class EdgeTemplateTests(CompiledTemplateFixture fixture)
{
    private const string EdgeCondition = "[parameters('edgeEnabled')]";
    private const string WafPolicyType = "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies";

    private readonly ArmTemplate _template = fixture.Template;

    /// <summary>
    /// With the edge on, its lockdown makes the static web app's own host answer 403: the address people use
    /// (<c>APP_URL</c>, which the postdeploy smoke test asks) and the availability test's must be the edge's.
    /// </summary>
    [Theory]
    [InlineData(true, "https://fde-dry.z01.azurefd.net")]
    [InlineData(false, "https://swa-dry.azurestaticapps.net")]
    public void AppUrl_AndTheAvailabilityTest_AreTheEdgesHostWhenItIsOn(bool edge, string expected)
    {
        var deployments = new Dictionary<string, JsonNode?>
        {
            ["Microsoft.Resources/deployments/front-door"] = JsonNode.Parse("""{"outputs": {"endpointHostName": {"type": "String", "value": "fde-dry.z01.azurefd.net"}}}"""),
            ["Microsoft.Resources/deployments/static-web-app"] = JsonNode.Parse("""{"outputs": {"defaultHostname": {"type": "String", "value": "swa-dry.azurestaticapps.net"}}}"""),
        };
        var arm = new ArmExpression(
            name => name == "edgeEnabled" ? edge : _template.Root.Parameters[name]?["defaultValue"],
            name => _template.Root.Variables[name],
            reference: id => edge || !id.EndsWith("/front-door", StringComparison.Ordinal)
                ? deployments[id]
                : throw new InvalidOperationException("reference() of a module not deployed with the edge off"));
        var availability = _template.Deployments.Single(d => d.Resources.Any(r => r.Type == "Microsoft.Insights/webtests"));

        Assert.Equal(expected, arm.Evaluate(_template.Root.Outputs["APP_URL"]!["value"]).Text());
        Assert.Same(_template.Root, availability.Parent);
        Assert.Equal($"{expected}/api/health/ready", arm.Evaluate(availability.ArgumentFor("readinessUrl")).Text());
        // The azd entry template hands main.bicep's APP_URL on unchanged; the postdeploy hook reads it.
        var azd = ArmTemplate.Load(RepositoryPaths.CompiledAzdTemplate);
        Assert.EndsWith("'Microsoft.Resources/deployments', 'filebridge'), '2025-04-01').outputs.APP_URL.value]", azd.Root.Outputs["APP_URL"]!["value"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void EdgeEnabled_Default_IsFalse()
    {
        var parameter = _template.Root.Parameters["edgeEnabled"]!;

        var defaultValue = parameter["defaultValue"]!.GetValue<bool>();

        Assert.Equal("bool", parameter["type"].Text());
        Assert.False(defaultValue);
    }

    [Fact]
    public void EdgeResources_Every_IsDeployedOnlyWhenEdgeEnabled()
    {
        var edgeResources = _template.Resources
            .Where(r => !r.IsExisting && IsEdgeType(r.Type))
            .ToList();

        var unguarded = edgeResources
            .Where(r => ModuleCondition(r.Deployment) != EdgeCondition)
            .Select(r => $"{r.Deployment.Name}: {r.Type}")
            .ToList();

        Assert.Contains(edgeResources, r => r.Type == "Microsoft.Cdn/profiles");
        Assert.Contains(edgeResources, r => r.Type == WafPolicyType);
        Assert.True(edgeResources.Count >= 8, $"Only {edgeResources.Count} edge resources were found.");
        Assert.Empty(unguarded);
    }

    [Fact]
    public void ProductionParameters_Edge_IsOnWithATierTheTemplateAllows()
    {
        var file = JsonNode.Parse(File.ReadAllText(RepositoryPaths.ProductionParameters))!["parameters"]!;
        var allowedSkus = _template.Root.Parameters["edgeSku"]!["allowedValues"]!.AsArray().Select(v => v.Text());

        var enabled = file["edgeEnabled"]?["value"]?.GetValue<bool>();
        var sku = file["edgeSku"]?["value"].Text();

        Assert.True(enabled);
        Assert.Contains(sku, allowedSkus);
    }

    [Fact]
    public void DefaultParameters_Edge_IsLeftAtItsDefault()
    {
        var file = JsonNode.Parse(File.ReadAllText(RepositoryPaths.MainParameters))!["parameters"]!.AsObject();

        var mentionsEdge = file.ContainsKey("edgeEnabled");

        Assert.False(mentionsEdge);
    }

    [Fact]
    public void WafPolicy_Settings_BlockInPreventionModeWithARateLimitedProblem()
    {
        var policy = _template.Single(WafPolicyType);

        var settings = policy.Properties["policySettings"]!;
        var body = policy.Deployment.Variables["blockedBody"]!;

        Assert.Equal("Enabled", settings["enabledState"].Text());
        Assert.Equal("Prevention", settings["mode"].Text());
        Assert.Equal(429, settings["customBlockResponseStatusCode"]!.GetValue<int>());
        Assert.Equal("[base64(string(variables('blockedBody')))]", settings["customBlockResponseBody"].Text());
        Assert.Equal("rate_limited", body["code"].Text());
        Assert.Equal(429, body["status"]!.GetValue<int>());
    }

    [Fact]
    public void WafPolicy_ApiRule_Allows50PerSecondPerClientAddressAs3000PerMinute()
    {
        var policy = _template.Single(WafPolicyType);
        var rule = Rule(policy, "ApiPerClientAddress");

        var (deployment, threshold) = policy.Deployment.Trace(rule["rateLimitThreshold"]);
        var perSecond = _template.Root.Parameters["throttleRequestsPerSecond"]!["defaultValue"]!.GetValue<int>();
        var condition = Assert.Single(rule["matchConditions"]!.AsArray())!;

        AssertPerClientAddressBlockPerMinute(rule);
        Assert.Same(_template.Root, deployment);
        Assert.Equal("[mul(parameters('throttleRequestsPerSecond'), 60)]", threshold.Text());
        Assert.Equal(3000, perSecond * 60);
        Assert.Equal("RequestUri", condition["matchVariable"].Text());
        Assert.Equal("Contains", condition["operator"].Text());
        Assert.Equal(["/api/"], condition["matchValue"]!.AsArray().Select(v => v.Text()));
        Assert.Equal("[variables('uriTransforms')]", condition["transforms"].Text());
        Assert.Contains("Lowercase", policy.Deployment.Variables["uriTransforms"]!.AsArray().Select(v => v.Text()));
    }

    [Fact]
    public void WafPolicy_SignInRule_UsesTheAppsPerClientSignInLimitAndComesFirst()
    {
        var policy = _template.Single(WafPolicyType);
        var signIn = Rule(policy, "SignInPerClientAddress");
        var api = Rule(policy, "ApiPerClientAddress");

        var (deployment, threshold) = policy.Deployment.Trace(signIn["rateLimitThreshold"]);
        var conditions = signIn["matchConditions"]!.AsArray();

        AssertPerClientAddressBlockPerMinute(signIn);
        Assert.Same(_template.Root, deployment);
        Assert.Equal("[parameters('throttleLoginPerClientPerMinute')]", threshold.Text());
        Assert.True(signIn["priority"]!.GetValue<int>() < api["priority"]!.GetValue<int>());
        Assert.Contains(conditions, c => c!["matchVariable"].Text() == "RequestMethod" && c["matchValue"]![0].Text() == "POST");
        Assert.Contains(conditions, c => c!["matchVariable"].Text() == "RequestUri" && c["matchValue"]![0].Text() == "/api/auth/login");
    }

    [Fact]
    public void WafPolicy_Tier_IsTheProfileTier()
    {
        var policy = _template.Single(WafPolicyType);
        var profile = _template.Single("Microsoft.Cdn/profiles");

        var (policyDeployment, policySku) = policy.Deployment.Trace(policy.Node["sku"]!["name"]);
        var (profileDeployment, profileSku) = profile.Deployment.Trace(profile.Node["sku"]!["name"]);

        Assert.Same(_template.Root, policyDeployment);
        Assert.Same(_template.Root, profileDeployment);
        Assert.Equal("[parameters('edgeSku')]", policySku.Text());
        Assert.Equal("[parameters('edgeSku')]", profileSku.Text());
        Assert.Equal("Standard_AzureFrontDoor", _template.Root.Parameters["edgeSku"]!["defaultValue"].Text());
    }

    [Fact]
    public void SecurityPolicy_Attachment_PutsTheWafPolicyOnEveryPathOfTheEndpoint()
    {
        var security = _template.Single("Microsoft.Cdn/profiles/securityPolicies");

        var parameters = security.Properties["parameters"]!;
        var (_, policyId) = security.Deployment.Trace(parameters["wafPolicy"]!["id"]);
        var association = Assert.Single(parameters["associations"]!.AsArray())!;

        Assert.Equal("WebApplicationFirewall", parameters["type"].Text());
        Assert.Contains("'front-door-waf-policy'", policyId.Text(), StringComparison.Ordinal);
        Assert.Contains("'outputs', 'id', 'value'", policyId.Text(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.Cdn/profiles/afdEndpoints", Assert.Single(association["domains"]!.AsArray())!["id"].Text(), StringComparison.Ordinal);
        Assert.Equal(["/*"], association["patternsToMatch"]!.AsArray().Select(v => v.Text()));
    }

    [Fact]
    public void Route_EveryPath_GoesOverHttpsToTheStaticWebAppWithoutCaching()
    {
        var route = _template.Single("Microsoft.Cdn/profiles/afdEndpoints/routes");
        var origin = _template.Single("Microsoft.Cdn/profiles/originGroups/origins");

        var (_, hostName) = origin.Deployment.Trace(origin.Properties["hostName"]);
        var (_, hostHeader) = origin.Deployment.Trace(origin.Properties["originHostHeader"]);
        var properties = route.Properties;

        Assert.Equal(["/*"], properties["patternsToMatch"]!.AsArray().Select(v => v.Text()));
        Assert.Equal("HttpsOnly", properties["forwardingProtocol"].Text());
        Assert.Equal("Enabled", properties["httpsRedirect"].Text());
        Assert.False(properties.ContainsKey("cacheConfiguration"), "The route must not cache: /api answers are per user and no-store.");
        Assert.Contains("originGroups', parameters('name'), 'static-web-app')", properties["originGroup"]!["id"].Text(), StringComparison.Ordinal);
        Assert.Equal(
            "[reference(resourceId('Microsoft.Resources/deployments', 'static-web-app'), '2025-04-01').outputs.defaultHostname.value]",
            hostName.Text());
        Assert.Equal(hostName.Text(), hostHeader.Text());
    }

    [Fact]
    public void ClientAddressHeader_WithTheEdge_IsOverwrittenByFrontDoorWithTheSocketAddress()
    {
        var route = _template.Single("Microsoft.Cdn/profiles/afdEndpoints/routes");
        var rule = _template.Single("Microsoft.Cdn/profiles/ruleSets/rules");
        var frontDoor = rule.Deployment;

        var action = Assert.Single(rule.Properties["actions"]!.AsArray())!;
        var parameters = action["parameters"]!;
        var (_, headerName) = frontDoor.Trace(parameters["headerName"]);
        var edgeHeader = _template.Root.Variables["edgeClientAddressHeader"].Text();

        Assert.Empty(rule.Properties["conditions"]!.AsArray());
        Assert.Equal("ModifyRequestHeader", action["name"].Text());
        Assert.Equal("Overwrite", parameters["headerAction"].Text());
        Assert.Equal("{socket_ip}", parameters["value"].Text());
        Assert.Equal("[variables('edgeClientAddressHeader')]", headerName.Text());
        Assert.NotEqual("X-Forwarded-For", edgeHeader, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("ruleSets', parameters('name'), 'clientaddress')", Assert.Single(route.Properties["ruleSets"]!.AsArray())!["id"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_ClientAddressHeader_IsTheEdgeHeaderWhenOnAndForwardedForWhenOff()
    {
        var (deployment, value) = _template.TraceAppSetting("Web__ClientAddressHeader");

        var chosen = _template.Root.Variables["clientAddressHeader"].Text();
        var withoutEdge = _template.Root.Parameters["webClientAddressHeader"]!["defaultValue"].Text();

        Assert.Same(_template.Root, deployment);
        Assert.Equal("[variables('clientAddressHeader')]", value.Text());
        Assert.Equal("[if(parameters('edgeEnabled'), variables('edgeClientAddressHeader'), parameters('webClientAddressHeader'))]", chosen);
        Assert.Equal("X-Forwarded-For", withoutEdge);
    }

    [Fact]
    public void Outputs_Edge_GiveTheUrlAndTheFrontDoorId()
    {
        var outputs = _template.Root.Outputs;

        Assert.Equal("bool", outputs["EDGE_ENABLED"]!["type"].Text());
        Assert.Contains("endpointHostName", outputs["EDGE_URL"]!["value"].Text(), StringComparison.Ordinal);
        Assert.Contains("frontDoorId", outputs["FRONT_DOOR_ID"]!["value"].Text(), StringComparison.Ordinal);
    }

    private static bool IsEdgeType(string type) =>
        type.StartsWith("Microsoft.Cdn/", StringComparison.OrdinalIgnoreCase)
        || string.Equals(type, WafPolicyType, StringComparison.OrdinalIgnoreCase);

    /// <summary>The condition on the module deployment that holds <paramref name="deployment"/>, if any.</summary>
    private static string? ModuleCondition(ArmDeployment deployment) =>
        deployment.Parent?.Resources
            .Single(r => r.Type == ArmTemplate.DeploymentType && r.Node["name"].Text() == deployment.Name)
            .Node["condition"]?.GetValue<string>();

    private static JsonNode Rule(ArmResource policy, string name) =>
        policy.Properties["customRules"]!["rules"]!.AsArray().Single(r => r!["name"].Text() == name)!;

    private static void AssertPerClientAddressBlockPerMinute(JsonNode rule)
    {
        Assert.Equal("RateLimitRule", rule["ruleType"].Text());
        Assert.Equal("Enabled", rule["enabledState"].Text());
        Assert.Equal("Block", rule["action"].Text());
        Assert.Equal(1, rule["rateLimitDurationInMinutes"]!.GetValue<int>());
        Assert.Equal("SocketAddr", Assert.Single(rule["groupBy"]!.AsArray())!["variableName"].Text());
    }
}
