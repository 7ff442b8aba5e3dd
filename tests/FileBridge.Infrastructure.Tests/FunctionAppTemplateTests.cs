using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FileBridge.Infrastructure.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed partial class FunctionAppTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Fact]
    public void Site_Transport_IsHttpsOnlyWithTls12AndNothingFlexRefuses()
    {
        var site = _template.FunctionApp();

        var properties = site.Properties;
        var siteConfig = properties["siteConfig"]!;

        Assert.True(properties["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", siteConfig["minTlsVersion"].Text());
        // Flex Consumption has no FTP and rejects ftpsState; basic publishing credentials are off instead.
        Assert.False(siteConfig.AsObject().ContainsKey("ftpsState"));
    }

    [Fact]
    public void Site_BasicPublishingCredentials_AreDisallowed()
    {
        var policies = _template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        var disallowed = policies.Where(p => p.Properties["allow"]!.GetValue<bool>() == false)
            .Select(p => p.Node["name"].Text())
            .ToList();

        Assert.Equal(2, policies.Count);
        Assert.Contains(disallowed, n => n.Contains("'ftp'", StringComparison.Ordinal));
        Assert.Contains(disallowed, n => n.Contains("'scm'", StringComparison.Ordinal));
    }

    [Fact]
    public void Site_Hosting_IsFlexConsumptionDotnetIsolated10()
    {
        var site = _template.FunctionApp();
        var plan = _template.Single("Microsoft.Web/serverfarms");

        var runtime = site.Properties["functionAppConfig"]!["runtime"]!;

        Assert.Equal("functionapp,linux", site.Node["kind"].Text());
        Assert.Equal("FC1", plan.Node["sku"]!["name"].Text());
        Assert.Equal("FlexConsumption", plan.Node["sku"]!["tier"].Text());
        Assert.Equal("dotnet-isolated", runtime["name"].Text());
        Assert.Equal("10.0", runtime["version"].Text());
    }

    [Fact]
    public void Site_DeploymentStorage_UsesTheUserAssignedIdentity()
    {
        var site = _template.FunctionApp();

        var storage = site.Properties["functionAppConfig"]!["deployment"]!["storage"]!;
        var identities = site.Node["identity"]!["userAssignedIdentities"]!.AsObject();

        Assert.Equal("blobContainer", storage["type"].Text());
        Assert.Equal("UserAssignedIdentity", storage["authentication"]!["type"].Text());
        Assert.Equal("[parameters('identityId')]", storage["authentication"]!["userAssignedIdentityResourceId"].Text());
        Assert.Equal("UserAssigned", site.Node["identity"]!["type"].Text());
        Assert.Contains("parameters('identityId')", Assert.Single(identities).Key, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_HostStorage_UsesManagedIdentityNotAConnectionString()
    {
        var settings = _template.AppSettings();

        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"].Text());
        Assert.Equal("[parameters('storageAccountName')]", settings["AzureWebJobsStorage__accountName"].Text());
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"].Text());
        Assert.Equal("[parameters('identityClientId')]", settings["AZURE_CLIENT_ID"].Text());
    }

    [Fact]
    public void AppSettings_LocalSettingsSample_AreAllPresent()
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepositoryPaths.LocalSettingsSample))!["Values"]!.AsObject();
        string[] sections = ["Users__", "Sessions__", "Aws__", "Files__", "Login__", "Throttle__", "Web__"];
        // Azure has a managed identity: keyless mode asks it for the token instead of reading a file.
        string[] replacedInAzure = ["Aws__ServiceUrl", "Users__ConnectionString", "Aws__WebIdentityTokenFile"];

        var expected = sample.Select(p => p.Key)
            .Where(k => sections.Any(s => k.StartsWith(s, StringComparison.Ordinal)))
            .Except(replacedInAzure)
            .ToList();
        var missing = expected.Except(_template.AppSettings("AccessKey").Keys.Union(_template.AppSettings("WebIdentity").Keys)).ToList();

        Assert.NotEmpty(expected);
        Assert.True(missing.Count == 0, $"Settings the app reads but Azure does not set: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("Aws__ServiceUrl", "AccessKey")]
    [InlineData("Users__ConnectionString", "AccessKey")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME", "AccessKey")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION", "AccessKey")]
    [InlineData("Aws__ServiceUrl", "WebIdentity")]
    [InlineData("Aws__WebIdentityTokenFile", "WebIdentity")]
    [InlineData("Aws__AccessKeyId", "WebIdentity")]
    [InlineData("Aws__SecretAccessKey", "WebIdentity")]
    [InlineData("Aws__WebIdentityAudience", "AccessKey")]
    public void AppSettings_LocalOnlyFlexRejectedOrOtherModesSetting_IsAbsent(string name, string credentialSource)
    {
        var settings = _template.AppSettings(credentialSource);

        var present = settings.ContainsKey(name);

        Assert.False(present, $"{name} must not be set in Azure.");
    }

    [Fact]
    public void AppSettings_AwsSecretAccessKey_IsAKeyVaultReferenceToTheVaultSecret()
    {
        var site = _template.FunctionApp();

        var value = _template.AppSettings()["Aws__SecretAccessKey"].Text();
        var secretUri = site.Deployment.ArgumentFor("awsKeyVaultReferenceUri").Text();

        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('awsKeyVaultReferenceUri'))]", value);
        Assert.Contains("'key-vault'", secretUri, StringComparison.Ordinal);
        Assert.Equal("[parameters('identityId')]", site.Properties["keyVaultReferenceIdentity"].Text());
    }

    [Theory]
    [InlineData("AccessKey")]
    [InlineData("WebIdentity")]
    public void AppSettings_CredentialSource_IsTheModesName(string credentialSource)
    {
        var value = _template.AppSettings(credentialSource)["Aws__CredentialSource"].Text();

        Assert.Equal(credentialSource, value);
    }

    [Fact]
    public void AppSettings_Keyless_WiresTheAudienceAndTheIdentityAndNoSecret()
    {
        var settings = _template.AppSettings("WebIdentity");

        var (deployment, audience) = _template.TraceAppSetting("Aws__WebIdentityAudience", "WebIdentity");

        Assert.Same(_template.Root, deployment);
        Assert.Equal("[parameters('awsWebIdentityAudience')]", audience.Text());
        Assert.Equal("[parameters('identityClientId')]", settings["AZURE_CLIENT_ID"].Text());
        // No AWS secret in any form; the only vault references are the sign-in keys, which every mode has.
        var aws = settings.Where(s => s.Key.StartsWith("Aws__", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(aws, s => s.Value.Text().Contains("KeyVault", StringComparison.Ordinal));
        Assert.DoesNotContain(aws, s => s.Key.Contains("Secret", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(
            ["Login__DeviceKey", "Login__SecretsKey"],
            settings.Where(s => s.Value.Text().Contains("KeyVault", StringComparison.Ordinal)).Select(s => s.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("AccessKey", "Login__SecretsKey", "loginSecretsKeyReferenceUri")]
    [InlineData("AccessKey", "Login__DeviceKey", "loginDeviceKeyReferenceUri")]
    [InlineData("WebIdentity", "Login__SecretsKey", "loginSecretsKeyReferenceUri")]
    [InlineData("WebIdentity", "Login__DeviceKey", "loginDeviceKeyReferenceUri")]
    public void AppSettings_LoginKeys_AreKeyVaultReferencesInEveryMode(string credentialSource, string setting, string parameter)
    {
        var site = _template.FunctionApp();

        var value = _template.AppSettings(credentialSource)[setting].Text();
        var uri = site.Deployment.ArgumentFor(parameter).Text();

        Assert.Equal($"[format('@Microsoft.KeyVault(SecretUri={{0}})', parameters('{parameter}'))]", value);
        Assert.Equal($"[reference(resourceId('Microsoft.Resources/deployments', 'key-vault'), '2025-04-01').outputs.{parameter}.value]", uri);
    }

    [Fact]
    public void Tables_SecondFactorTables_AreCreatedAndNamedToTheApp()
    {
        var storage = _template.Deployment("storage");

        var tables = storage.ArgumentFor("tableNames")!.AsArray().Select(t => t.Text()).ToList();

        foreach (var (setting, parameter) in new[]
        {
            ("Login__PasskeysTableName", "loginPasskeysTableName"),
            ("Login__PendingStepsTableName", "loginPendingStepsTableName"),
            ("Login__ChallengesTableName", "loginChallengesTableName"),
        })
        {
            Assert.Contains($"[parameters('{parameter}')]", tables);
            var (deployment, reference) = _template.TraceAppSetting(setting);
            Assert.Same(_template.Root, deployment);
            Assert.Equal($"[parameters('{parameter}')]", reference.Text());
        }
    }

    [Fact]
    public void CredentialSource_Parameter_IsKeylessByDefault()
    {
        var parameter = _template.Root.Parameters["awsCredentialSource"]!;
        var (_, passed) = _template.FunctionApp().Deployment.Trace(_template.FunctionApp().Deployment.ArgumentFor("awsCredentialSource"));

        Assert.Equal("WebIdentity", parameter["defaultValue"].Text());
        Assert.Equal(["WebIdentity", "AccessKey"], parameter["allowedValues"]!.AsArray().Select(v => v.Text()));
        Assert.Equal("[parameters('awsCredentialSource')]", passed.Text());
    }

    [Theory]
    [InlineData("AccessKey")]
    [InlineData("WebIdentity")]
    public void AppSettings_Values_HoldNoLiteralSecret(string credentialSource)
    {
        var settings = _template.AppSettings(credentialSource);

        var literals = settings.Keys
            .Select(k => (Key: k, Text: FinalValue(k, credentialSource)?.ToString() ?? string.Empty))
            .Where(t => !t.Text.StartsWith('['))
            .ToList();

        Assert.All(literals, l => Assert.False(LooksLikeASecret(l.Text), $"{l.Key} holds what looks like a secret."));
        Assert.All(settings.Keys.Where(k => k.Contains("Secret", StringComparison.OrdinalIgnoreCase) || k.EndsWith("Password", StringComparison.OrdinalIgnoreCase)),
            k => Assert.StartsWith("[format('@Microsoft.KeyVault(", settings[k].Text(), StringComparison.Ordinal));
    }

    [Fact]
    public void AppSettings_AllowedOrigins_AreTheStaticWebAppOriginTheEdgeOriginAndTheCustomDomains()
    {
        var (deployment, value) = _template.TraceAppSetting("Web__AllowedOrigins");

        Assert.Same(_template.Root, deployment);
        Assert.StartsWith(
            "[join(concat(createArray(format('https://{0}', reference(resourceId('Microsoft.Resources/deployments', 'static-web-app'), '2025-04-01').outputs.defaultHostname.value)), "
            + "if(parameters('edgeEnabled'), createArray(format('https://{0}', coalesce(tryGet(if(parameters('edgeEnabled'), "
            + "reference(resourceId('Microsoft.Resources/deployments', 'front-door'), '2025-04-01'), null()), 'outputs', 'endpointHostName', 'value'), ''))), createArray()), "
            + "parameters('webExtraAllowedOrigins')), ',')]",
            value.Text());
    }

    [Fact]
    public void AppSettings_UsersServiceUri_IsTheStorageTableEndpoint()
    {
        var (_, value) = _template.TraceAppSetting("Users__ServiceUri");

        Assert.Contains("'storage'", value.Text(), StringComparison.Ordinal);
        Assert.EndsWith(".outputs.tableEndpoint.value]", value.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Users__TableName", "Users")]
    [InlineData("Sessions__TableName", "Sessions")]
    [InlineData("Audit__TableName", "Audit")]
    [InlineData("Audit__RetentionDays", "400")]
    [InlineData("Sessions__IdleTimeout", "00:30:00")]
    [InlineData("Sessions__AbsoluteTimeout", "08:00:00")]
    [InlineData("Files__DownloadUrlLifetime", "00:05:00")]
    [InlineData("Login__MaxFailedAttempts", "5")]
    [InlineData("Login__LockoutDuration", "00:15:00")]
    [InlineData("Throttle__RequestsPerSecond", "50")]
    [InlineData("Throttle__Burst", "100")]
    [InlineData("Throttle__LoginPerClientPerMinute", "30")]
    [InlineData("Login__SecondFactor", "Required")]
    [InlineData("Login__PasskeysTableName", "Passkeys")]
    [InlineData("Login__PendingStepsTableName", "PendingSteps")]
    [InlineData("Login__ChallengesTableName", "PasskeyChallenges")]
    [InlineData("Login__RecentAuthWindow", "00:05:00")]
    [InlineData("Login__TemporaryPasswordLifetime", "3.00:00:00")]
    [InlineData("Login__MinPasswordLength", "12")]
    [InlineData("Sessions__IndexTableName", "SessionIndex")]
    [InlineData("Sessions__MaxPerUser", "10")]
    public void AppSettings_Default_MatchesDesign(string setting, string expected)
    {
        var (deployment, reference) = _template.TraceAppSetting(setting);

        var defaultValue = _template.RootDefault(reference);

        Assert.Same(_template.Root, deployment);
        Assert.Equal(expected, defaultValue?.ToString());
    }

    [Theory]
    [InlineData("Aws__Region")]
    [InlineData("Aws__RoleArn")]
    public void AppSettings_OperatorValue_HasNoDefault(string setting)
    {
        var (_, reference) = _template.TraceAppSetting(setting);

        var defaultValue = _template.RootDefault(reference);

        Assert.Null(defaultValue);
    }

    [Fact]
    public void AwsSessionDuration_IsBoundedByTheRolesOneHourMaximum()
    {
        var parameter = _template.Root.Parameters["awsSessionDurationMinutes"]!;
        var (_, value) = _template.TraceAppSetting("Aws__SessionDuration");

        // aws/filebridge-aws.yaml: MaxSessionDuration 3600; any AssumeRole asking for more is refused.
        Assert.Equal(60, parameter["maxValue"]!.GetValue<int>());
        Assert.Equal(15, parameter["minValue"]!.GetValue<int>());
        Assert.Equal(60, parameter["defaultValue"]!.GetValue<int>());
        Assert.Equal("[variables('awsSessionDuration')]", value.Text());
        Assert.Equal(
            "[if(equals(parameters('awsSessionDurationMinutes'), 60), '01:00:00', format('00:{0}:00', padLeft(string(parameters('awsSessionDurationMinutes')), 2, '0')))]",
            _template.Root.Variables["awsSessionDuration"].Text());
        Assert.False(_template.Root.Parameters.ContainsKey("awsSessionDuration"));
    }

    [Fact]
    public void Locations_AreATemplateParameter_WrittenAsFilesLocationsSettings()
    {
        var parameter = _template.Root.Parameters["filesLocations"]!;
        var locations = _template.FunctionApp().Deployment.Variables["locationSettings"].Text();

        Assert.Equal("array", parameter["type"].Text());
        Assert.Equal("[parameters('filesLocations')]", _template.FunctionApp().Deployment.ArgumentFor("filesLocations").Text());
        foreach (var field in new[] { "Name", "Bucket", "Prefix", "RoleArn", "Region" })
        {
            Assert.Contains(field == "Name" || field == "Bucket" ? $"'Files__Locations__{{0}}__{field}'" : $"'{field}'", locations, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OwnedSettingNames_CoverEverySettingTheModuleWrites_SoExtraSettingsCannotShadowOne()
    {
        var owned = _template.Root.Variables["ownedSettingNames"]!.AsArray().Select(n => n.Text()).ToHashSet();

        var written = _template.AppSettings("AccessKey").Keys.Concat(_template.AppSettings("WebIdentity").Keys).ToHashSet();

        Assert.Equal(written.Order(StringComparer.Ordinal), owned.Order(StringComparer.Ordinal));
        Assert.Equal("object", _template.Root.Parameters["appSettings"]!["type"].Text());
    }

    [Fact]
    public void SecondFactorAndPasskeys_AreSetFromParameters_RpIdDefaultingToTheHostPeopleUse()
    {
        var (_, rpId) = _template.TraceAppSetting("Web__PasskeyRpId");
        var (_, secondFactor) = _template.TraceAppSetting("Login__SecondFactor");

        Assert.Equal("Required", _template.RootDefault(secondFactor).Text());
        Assert.StartsWith("[if(not(empty(parameters('webPasskeyRpId'))), createObject('value', parameters('webPasskeyRpId')), if(parameters('edgeEnabled')", rpId.Text(), StringComparison.Ordinal);
        Assert.Contains("'endpointHostName'", rpId.Text(), StringComparison.Ordinal);
        Assert.Contains("outputs.defaultHostname.value", rpId.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredFrontDoorId_IsTheFrontDoorProfilesId_WrittenOnlyWithTheEdge()
    {
        var (_, id) = _template.TraceAppSetting("Web__RequiredFrontDoorId");
        var candidates = _template.FunctionApp().Deployment.Variables["optionalSettings"].Text();

        Assert.Equal("[coalesce(tryGet(if(parameters('edgeEnabled'), reference(resourceId('Microsoft.Resources/deployments', 'front-door'), '2025-04-01'), null()), 'outputs', 'frontDoorId', 'value'), '')]", id.Text());
        Assert.Equal("[filter(variables('optionalSettingCandidates'), lambda('setting', not(empty(lambdaVariables('setting').value))))]", candidates);
    }

    [Fact]
    public void ExporterAuthentication_NamesTheUserAssignedIdentity()
    {
        var (_, value) = _template.TraceAppSetting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING");

        // FileBridgeTelemetryExtensions gives the exporter this identity's credential: local auth is off.
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", value.Text());
        Assert.True(_template.Single("Microsoft.Insights/components").Properties["DisableLocalAuth"]!.GetValue<bool>());
    }

    /// <summary>The literal an app setting ends up with, following parameters to main.bicep's defaults.</summary>
    private JsonNode? FinalValue(string setting, string credentialSource)
    {
        var (deployment, value) = _template.TraceAppSetting(setting, credentialSource);
        var isRootParameter = deployment == _template.Root
            && value is JsonValue v && v.TryGetValue<string>(out var text)
            && ArmTemplate.ParameterReference().IsMatch(text);
        return isRootParameter ? _template.RootDefault(value) : value;
    }

    private static bool LooksLikeASecret(string value) =>
        AwsAccessKeyId().IsMatch(value)
        || value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("SharedAccessSignature=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("InstrumentationKey=", StringComparison.OrdinalIgnoreCase)
        || FortyCharacterKey().IsMatch(value);

    [GeneratedRegex(@"\b(AKIA|ASIA)[A-Z0-9]{16}\b")]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")]
    private static partial Regex FortyCharacterKey();
}
