namespace FileBridge.Infrastructure.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class StorageAccountTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Fact]
    public void StorageAccount_Security_IsHttpsTls12EntraOnlyAndPrivate()
    {
        var storage = _template.Single("Microsoft.Storage/storageAccounts");

        var properties = storage.Properties;

        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"].Text());
        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.True(properties["defaultToOAuthAuthentication"]!.GetValue<bool>());
    }

    [Fact]
    public void Tables_Names_AreTheUsersSessionsAuditGroupsAndSecondFactorTableSettings()
    {
        var storage = _template.Deployment("storage");

        var tableNames = storage.ArgumentFor("tableNames")!.AsArray().Select(n => _template.RootDefault(n).Text()).ToList();

        Assert.Single(_template.OfType("Microsoft.Storage/storageAccounts/tableServices/tables"));
        Assert.Equal(["Users", "Sessions", "Audit", "Groups", "SessionIndex", "Passkeys", "PendingSteps", "PasskeyChallenges"], tableNames);
    }

    [Fact]
    public void DeploymentContainer_PublicAccess_IsNone()
    {
        var container = _template.Single("Microsoft.Storage/storageAccounts/blobServices/containers");

        var publicAccess = container.Properties["publicAccess"].Text();

        Assert.Equal("None", publicAccess);
    }

    [Fact]
    public void DeploymentContainer_Name_IsWhereTheFunctionAppLooksForPackages()
    {
        var containerName = _template.Root.Variables["deploymentContainerName"].Text();
        var functionApp = _template.Deployment("function-app");

        var passed = functionApp.ArgumentFor("deploymentContainerName").Text();
        var storageArgument = _template.Deployment("storage").ArgumentFor("deploymentContainerName").Text();

        Assert.Equal("app-package", containerName);
        Assert.Equal("[variables('deploymentContainerName')]", storageArgument);
        Assert.Contains("'storage'", passed, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.deploymentContainerName.value]", passed, StringComparison.Ordinal);
    }
}
