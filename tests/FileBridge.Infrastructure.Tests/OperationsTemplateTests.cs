using System.Text.Json.Nodes;

namespace FileBridge.Infrastructure.Tests;

/// <summary>Operations in the Azure template: availability test, alerts and their action group, azd tags, guards.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class OperationsTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    private ArmDeployment Alerts => _template.Deployment("alerts");

    [Fact]
    public void AvailabilityTest_AsksTheStaticWebAppsReadinessRoute()
    {
        var test = Alerts.Resources.Single(r => r.Type == "Microsoft.Insights/webtests");
        var url = Alerts.Invocation!["readinessUrl"]!["value"].Text();

        Assert.Equal("standard", test.Node["kind"].Text());
        Assert.Equal("[parameters('readinessUrl')]", test.Properties["Request"]!["RequestUrl"].Text());
        Assert.StartsWith("[format('{0}/api/health/ready', format('https://{0}', reference(resourceId('Microsoft.Resources/deployments', 'static-web-app')", url, StringComparison.Ordinal);
        Assert.Equal(200, test.Properties["ValidationRules"]!["ExpectedHttpStatusCode"]!.GetValue<int>());
        Assert.Contains("hidden-link:", test.Node["tags"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadinessAlert_FiresOnTheAvailabilityTestAndNotifiesTheActionGroup()
    {
        var alert = Alerts.Resources.Single(r => r.Type == "Microsoft.Insights/metricAlerts");

        Assert.Equal("Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria", alert.Properties["criteria"]!["odata.type"].Text());
        Assert.Contains("Microsoft.Insights/webtests", alert.Properties["criteria"]!["webTestId"].Text(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.Insights/actionGroups", alert.Properties["actions"]![0]!["actionGroupId"].Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("server-errors", "toint(ResultCode) >= 500")]
    [InlineData("sts-breaker-open", "filebridge.breaker.state")]
    [InlineData("throttled-sign-ins", "filebridge.throttled")]
    public void LogAlert_QueriesWhatItIsNamedFor(string name, string queryPart)
    {
        var alerts = Alerts.Template["variables"]!["logAlerts"]!.AsArray();

        var alert = alerts.Single(a => a!["name"].Text() == name)!;

        Assert.Contains(queryPart, alert["query"].Text(), StringComparison.Ordinal);
        var rule = Alerts.Resources.Single(r => r.Type == "Microsoft.Insights/scheduledQueryRules");
        Assert.Equal("[length(variables('logAlerts'))]", rule.Node["copy"]!["count"].Text());
        Assert.Contains("Microsoft.Insights/actionGroups", rule.Properties["actions"]!["actionGroups"]![0].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void ActionGroup_EmailsTheAddressParameter()
    {
        var group = Alerts.Resources.Single(r => r.Type == "Microsoft.Insights/actionGroups");

        Assert.Contains("parameters('alertEmailAddress')", group.Properties["emailReceivers"].Text(), StringComparison.Ordinal);
        Assert.Equal("[parameters('alertEmailAddress')]", Alerts.Invocation!["alertEmailAddress"]!["value"].Text());
        Assert.Equal(string.Empty, _template.Root.Parameters["alertEmailAddress"]!["defaultValue"].Text());
    }

    [Theory]
    [InlineData("function-app", "api")]
    [InlineData("static-web-app", "web")]
    public void AzdServiceName_TagsTheResourceAzdDeploysTo(string deployment, string service)
    {
        var tags = _template.Deployment(deployment).Invocation!["tags"]!["value"].Text();

        Assert.Equal($"[union(variables('allTags'), createObject('azd-service-name', '{service}'))]", tags);
    }

    [Fact]
    public void Placeholders_InParameters_FailTheDeploymentBeforeAnythingIsNamed()
    {
        var token = _template.Root.Variables["resourceToken"].Text();
        var check = _template.Root.Variables["placeholderParameters"].Text();

        Assert.StartsWith("[if(empty(variables('placeholderParameters'))", token, StringComparison.Ordinal);
        Assert.Contains("int(format('Parameter {0} still holds a REPLACE- placeholder", token, StringComparison.Ordinal);
        Assert.Contains("'REPLACE-'", check, StringComparison.Ordinal);
        foreach (var parameter in new[] { "awsRoleArn", "filesBucket", "awsWebIdentityAudience", "awsAccessKeyId", "alertEmailAddress" })
        {
            Assert.Contains($"parameters('{parameter}')", check, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CustomDomainOrigins_AreAnArrayParameter()
    {
        var parameter = _template.Root.Parameters["webExtraAllowedOrigins"]!;

        Assert.Equal("array", parameter["type"].Text());
        Assert.Empty(parameter["defaultValue"]!.AsArray());
    }

    [Fact]
    public void AzdEntryPoint_DeploysTheMainTemplate()
    {
        var azd = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".local", "infra", "azd-main.json")))!;

        var module = azd["resources"]!.AsArray().Single(r => r!["name"].Text() == "filebridge")!;

        Assert.Equal("Microsoft.Resources/deployments", module["type"].Text());
        Assert.Contains("STATIC_WEB_APP_URL", azd["outputs"]!.AsObject().Select(o => o.Key));
    }
}
