using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FileBridge.Infrastructure.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed partial class MainTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Fact]
    public void Parameters_EveryTemplate_HaveDescriptions()
    {
        var parameters = _template.Deployments
            .SelectMany(d => d.Parameters.Select(p => (Where: $"{d.Name}.{p.Key}", Description: p.Value!["metadata"]?["description"])))
            .ToList();

        var undescribed = parameters.Where(p => string.IsNullOrWhiteSpace(p.Description.Text())).Select(p => p.Where).ToList();

        Assert.NotEmpty(parameters);
        Assert.Empty(undescribed);
    }

    [Fact]
    public void Resources_WithALocation_AreTagged()
    {
        var located = _template.Resources.Where(r => !r.IsExisting && r.Node.ContainsKey("location")).ToList();

        var untagged = located.Where(r => !r.Node.ContainsKey("tags")).Select(r => r.Type).ToList();

        Assert.True(located.Count >= 8, $"Only {located.Count} located resources were found.");
        Assert.Empty(untagged);
    }

    [Fact]
    public void ResourceToken_Seed_IsSubscriptionGroupAndEnvironment()
    {
        var variables = _template.Root.Variables;

        var token = variables["resourceToken"].Text();

        Assert.Contains("uniqueString(subscription().id, resourceGroup().id, parameters('environmentName'))", token, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_Every_IsOverridable()
    {
        var names = _template.Root.Variables["names"]!.AsObject();

        var fixedNames = names.Where(n => !OverridableName().IsMatch(n.Value.Text())).Select(n => n.Key).ToList();

        Assert.Equal(11, names.Count);
        Assert.Empty(fixedNames);
    }

    [Fact]
    public void Outputs_Names_AreUpperSnakeAndCoverTheDeploySteps()
    {
        var outputs = _template.Root.Outputs.Select(o => o.Key).ToList();

        Assert.All(outputs, o => Assert.Matches(UpperSnake(), o));
        Assert.Superset(
            new HashSet<string> { "AZURE_RESOURCE_GROUP", "FUNCTION_APP_NAME", "STATIC_WEB_APP_NAME", "STATIC_WEB_APP_HOSTNAME", "KEY_VAULT_NAME", "STORAGE_ACCOUNT_NAME", "USERS_SERVICE_URI", "MANAGED_IDENTITY_PRINCIPAL_ID", "AZURE_TENANT_ID" },
            outputs.ToHashSet());
    }

    [Theory]
    [InlineData("main.parameters.json", "WebIdentity")]
    [InlineData("main.parameters.access-key.json", "AccessKey")]
    [InlineData("main.parameters.prod.json", "WebIdentity")]
    public void ParametersFile_Mode_IsItsOwnAndKeylessHasNoAwsKey(string name, string credentialSource)
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.InfraBicep, name)))!["parameters"]!.AsObject();

        var keys = file.Select(p => p.Key).ToList();

        Assert.Equal(credentialSource, file["awsCredentialSource"]!["value"].Text());
        Assert.Equal(credentialSource == "AccessKey", keys.Contains("awsAccessKeyId"));
        Assert.Equal(credentialSource == "WebIdentity", keys.Contains("awsWebIdentityAudience"));
        Assert.DoesNotContain("awsSecretAccessKey", keys);
    }

    [Theory]
    [InlineData("main.parameters.json")]
    [InlineData("main.parameters.access-key.json")]
    [InlineData("main.parameters.prod.json")]
    public void ParametersFile_Names_AreTemplateParametersAndNeverTheSecret(string name)
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.InfraBicep, name)))!["parameters"]!.AsObject();
        var parameters = _template.Root.Parameters;

        var unknown = file.Select(p => p.Key).Where(k => !parameters.ContainsKey(k)).ToList();
        var secure = file.Select(p => p.Key).Where(k => parameters[k]?["type"].Text() == "securestring").ToList();
        var required = parameters.Where(p => !p.Value!.AsObject().ContainsKey("defaultValue") && p.Value!["type"].Text() != "securestring")
            .Select(p => p.Key);

        Assert.Empty(unknown);
        Assert.Empty(secure);
        Assert.Superset(required.ToHashSet(), file.Select(p => p.Key).ToHashSet());
        Assert.DoesNotMatch(AwsAccessKeyId(), file.ToJsonString());
    }

    [Fact]
    public void Modules_Sources_AreLocalKebabCaseFilesWithMetadata()
    {
        var mainSource = File.ReadAllText(RepositoryPaths.MainBicep);
        var modules = Directory.GetFiles(Path.Combine(RepositoryPaths.InfraBicep, "modules"), "*.bicep");

        var references = ModuleReference().Matches(mainSource).Select(m => m.Groups["path"].Value).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.StartsWith("modules/", r, StringComparison.Ordinal));
        Assert.All(modules, m => Assert.Matches(KebabCaseFile(), Path.GetFileName(m)));
        Assert.All(modules, m => Assert.StartsWith("metadata description = ", File.ReadAllText(m), StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\[if\(not\(empty\(parameters\('\w+Name'\)\)\), parameters\('\w+Name'\), format\('[a-z]+-?\{0\}', variables\('resourceToken'\)\)\)\]$")]
    private static partial Regex OverridableName();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex UpperSnake();

    [GeneratedRegex(@"\b(AKIA|ASIA)[A-Z0-9]{16}\b")]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"^module\s+\w+\s+'(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();

    [GeneratedRegex(@"^[a-z]+(-[a-z]+)*\.bicep$")]
    private static partial Regex KebabCaseFile();
}
