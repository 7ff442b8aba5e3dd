namespace FileBridge.Infrastructure.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class KeyVaultTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Fact]
    public void Vault_Protection_IsRbacWithSoftDeleteAndPurgeProtection()
    {
        var vault = _template.Single("Microsoft.KeyVault/vaults");

        var properties = vault.Properties;

        Assert.True(properties["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.True(properties["enableSoftDelete"]!.GetValue<bool>());
        Assert.True(properties["enablePurgeProtection"]!.GetValue<bool>());
        Assert.False(properties.ContainsKey("accessPolicies"));
    }

    [Fact]
    public void Secret_Value_ComesFromASecureParameter_StoredOnlyInAccessKeyMode()
    {
        var secret = _template.Single("Microsoft.KeyVault/vaults/secrets");

        var (deployment, reference) = secret.Deployment.Trace(secret.Properties["value"]);
        var rootParameter = _template.Root.Parameters["awsSecretAccessKey"]!;
        var moduleParameter = secret.Deployment.Parameters["awsSecretAccessKey"]!;

        Assert.Same(_template.Root, deployment);
        Assert.Equal("[parameters('awsSecretAccessKey')]", reference.Text());
        Assert.Equal("securestring", rootParameter["type"].Text());
        Assert.Equal("securestring", moduleParameter["type"].Text());
        // Empty by default: keyless deployments pass no AWS secret at all, and a redeploy that passes none must
        // leave the stored key alone rather than replace it with ''.
        Assert.Equal("", rootParameter["defaultValue"].Text());
        Assert.Equal("[not(empty(parameters('awsSecretAccessKey')))]", secret.Node["condition"].Text());
        Assert.Equal("[equals(parameters('awsCredentialSource'), 'WebIdentity')]", _template.Root.Variables["keyless"].Text());
    }

    [Fact]
    public void Vault_IsDeployedOnlyWhereItHoldsSomething_AndRecoversItsSoftDeletedSelf()
    {
        var module = _template.Root.Resources.Single(r => r.Type == ArmTemplate.DeploymentType && r.Node["name"].Text() == "key-vault");
        var vault = _template.Single("Microsoft.KeyVault/vaults");
        var reference = vault.Deployment.Template["outputs"]!["awsKeyVaultReferenceUri"]!["value"].Text();

        // Keyless mode has no secret: an empty purge-protected vault would block azd down --purge && azd up for 90 days.
        Assert.Equal("[not(variables('keyless'))]", module.Node["condition"].Text());
        Assert.Equal("[if(parameters('recover'), 'recover', 'default')]", vault.Properties["createMode"].Text());
        Assert.Equal("[parameters('keyVaultRecover')]", module.Properties["parameters"]!["recover"]!["value"].Text());
        Assert.False(_template.Root.Parameters["keyVaultRecover"]!["defaultValue"]!.GetValue<bool>());
        // The reference does not depend on the secret being written in this deployment.
        Assert.DoesNotContain("secrets", reference.Split("format(")[0], StringComparison.Ordinal);
        Assert.StartsWith("[format('{0}secrets/{1}', reference(resourceId('Microsoft.KeyVault/vaults'", reference, StringComparison.Ordinal);
    }

    [Fact]
    public void SecureParameter_Use_IsOnlyTheKeyVaultModule()
    {
        var root = _template.Root;

        var users = root.Resources
            .Where(r => r.Node.Strings().Any(t => t.Contains("parameters('awsSecretAccessKey')", StringComparison.Ordinal)))
            .Select(r => r.Node["name"].Text())
            .ToList();
        var outputs = string.Join('\n', root.Outputs.Strings());

        Assert.Equal(["key-vault"], users);
        Assert.DoesNotContain("awsSecretAccessKey", outputs, StringComparison.Ordinal);
    }
}
