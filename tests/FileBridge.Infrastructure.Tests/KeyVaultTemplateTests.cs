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
    }

    [Fact]
    public void Vault_IsDeployedInEveryMode_AndRecoversItsSoftDeletedSelf()
    {
        var module = _template.Root.Resources.Single(r => r.Type == ArmTemplate.DeploymentType && r.Node["name"].Text() == "key-vault");
        var vault = _template.Single("Microsoft.KeyVault/vaults");
        var reference = vault.Deployment.Template["outputs"]!["awsKeyVaultReferenceUri"]!["value"].Text();

        // Keyless mode too: the sign-in keys live there (never in the storage account).
        Assert.Null(module.Node["condition"]);
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

    [Theory]
    [InlineData("loginSecretsKeyReferenceUri", "loginSecretsKeySecretName", "login-secrets-key")]
    [InlineData("loginDeviceKeyReferenceUri", "loginDeviceKeySecretName", "login-device-key")]
    public void LoginKeys_AreVersionlessReferencesTheTemplateNeverWrites(string output, string nameParameter, string secretName)
    {
        var vault = _template.Single("Microsoft.KeyVault/vaults");

        var reference = vault.Deployment.Template["outputs"]![output]!["value"].Text();
        var secrets = _template.OfType("Microsoft.KeyVault/vaults/secrets").ToList();

        Assert.StartsWith("[format('{0}secrets/{1}', reference(resourceId('Microsoft.KeyVault/vaults'", reference, StringComparison.Ordinal);
        Assert.Equal($"[variables('{nameParameter}')]", _template.Deployment("key-vault").ArgumentFor(nameParameter).Text());
        Assert.Equal(secretName, _template.Root.Variables[nameParameter].Text());
        // No secret resource holds them and no parameter carries them: scripts/login-keys.sh generates each once,
        // and a redeploy must never replace one (every authenticator or every known browser would be lost).
        Assert.Single(secrets);
        Assert.DoesNotContain(_template.Root.Parameters, p => p.Key.Contains("SecretsKey", StringComparison.Ordinal) || p.Key.Contains("DeviceKey", StringComparison.Ordinal));
    }
}
