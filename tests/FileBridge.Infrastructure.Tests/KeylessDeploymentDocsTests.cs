namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// The audience of keyless mode is an Entra app registration that the templates cannot create here (the Microsoft
/// Graph Bicep extension comes from the public registry, out of reach of our build machines), so the deploy guide
/// creates it with one documented command and wires its outputs into both templates.
/// </summary>
public sealed class KeylessDeploymentDocsTests
{
    private static readonly string Guide = File.ReadAllText(Path.Combine(RepositoryPaths.InfraBicep, "README.md"));

    [Theory]
    [InlineData("az ad app create")]
    [InlineData("az ad sp create")]
    [InlineData("CredentialSource=WebIdentity")]
    [InlineData("EntraTenantId=")]
    [InlineData("WebIdentityAudience=")]
    [InlineData("ManagedIdentityPrincipalId=")]
    [InlineData("awsWebIdentityAudience=")]
    [InlineData("MANAGED_IDENTITY_PRINCIPAL_ID")]
    [InlineData("main.parameters.access-key.json")]
    public void Guide_KeylessSteps_AreAllThere(string text)
    {
        var present = Guide.Contains(text, StringComparison.Ordinal);

        Assert.True(present, $"infra-bicep/README.md does not mention {text}");
    }

    [Fact]
    public void Guide_LeadsWithKeylessMode()
    {
        var keyless = Guide.IndexOf("CredentialSource=WebIdentity", StringComparison.Ordinal);
        var accessKey = Guide.IndexOf("aws iam create-access-key", StringComparison.Ordinal);

        Assert.True(keyless >= 0 && accessKey > keyless, "The keyless steps come before the access-key steps.");
    }
}
