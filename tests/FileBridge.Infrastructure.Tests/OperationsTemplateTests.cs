using System.Text.Json.Nodes;

namespace FileBridge.Infrastructure.Tests;

/// <summary>Operations in the Azure template: availability test, alerts and their action group, azd tags, guards.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class OperationsTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    private ArmDeployment Alerts => _template.Deployment("alerts");

    [Fact]
    public void AvailabilityTest_AsksTheReadinessRouteOnTheHostPeopleUse_TheEdgesWhenItIsOn()
    {
        var test = Alerts.Resources.Single(r => r.Type == "Microsoft.Insights/webtests");
        var url = Alerts.Invocation!["readinessUrl"]!["value"].Text();

        Assert.Equal("standard", test.Node["kind"].Text());
        Assert.Equal("[parameters('readinessUrl')]", test.Properties["Request"]!["RequestUrl"].Text());
        // With the edge's lockdown the static web app's own host answers 403: a permanent alert if probed there.
        Assert.StartsWith(
            "[format('{0}/api/health/ready', format('https://{0}', if(parameters('edgeEnabled'), coalesce(tryGet(if(parameters('edgeEnabled'), reference(resourceId('Microsoft.Resources/deployments', 'front-door')",
            url,
            StringComparison.Ordinal);
        Assert.EndsWith("'endpointHostName', 'value'), ''), reference(resourceId('Microsoft.Resources/deployments', 'static-web-app'), '2025-04-01').outputs.defaultHostname.value)))]", url, StringComparison.Ordinal);
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
    [InlineData("lockout-spray", "filebridge.lockouts")]
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
    public void LockoutSprayAlert_CountsLockedNamesNotKnownBrowsers_InAWindowShorterThanALock()
    {
        var alert = Alerts.Template["variables"]!["logAlerts"]!.AsArray().Single(a => a!["name"].Text() == "lockout-spray")!;
        var rule = Alerts.Resources.Single(r => r.Type == "Microsoft.Insights/scheduledQueryRules");

        // A known browser's own budget cannot be locked from elsewhere: it says nothing about spraying.
        Assert.Contains("tostring(Properties.budget) != \"device\"", alert["query"].Text(), StringComparison.Ordinal);
        Assert.Equal("[parameters('lockoutSprayThreshold')]", alert["threshold"].Text());
        Assert.Equal("[parameters('alertLockoutSprayThreshold')]", Alerts.ArgumentFor("lockoutSprayThreshold").Text());
        Assert.Equal(10, _template.Root.Parameters["alertLockoutSprayThreshold"]!["defaultValue"]!.GetValue<int>());
        // Each budget locks at most once per Login:LockoutDuration (15 min): within 5 minutes every lock is another name.
        Assert.Equal("PT5M", rule.Properties["windowSize"].Text());
        Assert.Equal("00:15:00", _template.Root.Parameters["loginLockoutDuration"]!["defaultValue"].Text());
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
        var errors = _template.Root.Variables["inputErrors"].Text();
        var check = _template.Root.Variables["placeholderParameters"].Text();

        Assert.Equal("[if(empty(variables('inputErrors')), uniqueString(subscription().id, resourceGroup().id, parameters('environmentName')), string(int(variables('inputErrors')[0])))]", token);
        Assert.StartsWith("[concat(map(variables('placeholderParameters'), lambda('p', format('Parameter {0} still holds a REPLACE- placeholder", errors, StringComparison.Ordinal);
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
        var azd = JsonNode.Parse(File.ReadAllText(RepositoryPaths.CompiledAzdTemplate))!;

        var module = azd["resources"]!.AsArray().Single(r => r!["name"].Text() == "filebridge")!;

        Assert.Equal("Microsoft.Resources/deployments", module["type"].Text());
        Assert.Contains("APP_URL", azd["outputs"]!.AsObject().Select(o => o.Key));
    }

    [Fact]
    public void Inputs_ThatWouldDeploySomethingBroken_FailBeforeAnythingIsNamed()
    {
        var errors = _template.Root.Variables["inputErrors"].Text();

        // Alerts nobody receives, no bucket at all, or an extra setting that would shadow one the template owns.
        Assert.Contains("if(empty(parameters('alertEmailAddress')), createArray('Parameter alertEmailAddress is empty", errors, StringComparison.Ordinal);
        Assert.Contains("and(empty(parameters('filesBucket')), empty(parameters('filesLocations')))", errors, StringComparison.Ordinal);
        Assert.Contains("filter(objectKeys(parameters('appSettings')), lambda('n', contains(variables('ownedSettingNames'), lambdaVariables('n'))))", errors, StringComparison.Ordinal);
        Assert.Null(_template.Root.Parameters["alertEmailAddress"]!["defaultValue"]);
    }
}

/// <summary>Every alert can reach someone and says where its runbook is; every runbook exists in the README.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class AlertRunbookTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Theory]
    [InlineData("readiness-failing")]
    [InlineData("server-errors")]
    [InlineData("sts-breaker-open")]
    [InlineData("throttled-sign-ins")]
    [InlineData("lockout-spray")]
    public void Alert_Description_LinksItsRunbook_WhichTheReadmeHas(string alert)
    {
        var alerts = _template.Deployment("alerts");
        var descriptions = string.Join('\n', alerts.Resources.Where(r => r.Type is "Microsoft.Insights/metricAlerts").Select(r => r.Properties["description"].Text())
            .Concat(alerts.Variables["logAlerts"].Strings()));
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        Assert.Contains($"#runbook-{alert}", descriptions, StringComparison.Ordinal);
        Assert.Contains($"\n#### Runbook: {alert}\n", readme, StringComparison.Ordinal);
        Assert.Equal("[parameters('runbookUrl')]", alerts.ArgumentFor("runbookBaseUrl").Text());
    }
}
