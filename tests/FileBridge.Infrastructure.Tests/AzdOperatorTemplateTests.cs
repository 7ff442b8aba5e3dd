using System.Text.Json.Nodes;

namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// The azd entry template (artifacts/infra/azd-main.json) makes operators of the principal running azd
/// (AZURE_PRINCIPAL_ID, AZURE_PRINCIPAL_TYPE) and of FILEBRIDGE_OPERATORS: its expressions are evaluated here with given
/// parameters, down to the role assignments main.bicep makes for each operator.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class AzdOperatorTemplateTests
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string Deployer = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private const string Colleague = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
    private const string Team = "3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f";
    private const string Pipeline = "4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f8a";
    private const string OperatorRoles = "[format('operator-role-assignments-{0}', copyIndex())]";

    private readonly ArmTemplate _azd;

    public AzdOperatorTemplateTests(CompiledTemplateFixture fixture)
    {
        _ = fixture; // builds artifacts/infra/azd-main.json when it is missing or stale
        _azd = ArmTemplate.Load(RepositoryPaths.CompiledAzdTemplate);
    }

    [Fact]
    public void DeployingPrincipalAndOperatorIds_EachGetTheTableRole_OnceAndWithTheirKind()
    {
        // The deployer listed again, blanks and spaces, as people type a comma-separated list.
        var operators = OperatorAssignments(Deployer, "User", $" {Colleague} ,{Team}:Group,, {Deployer} ,{Pipeline}:ServicePrincipal");

        Assert.Equal(
            [(Deployer, "User"), (Colleague, "User"), (Team, "Group"), (Pipeline, "ServicePrincipal")],
            operators.Select(o => (o.PrincipalId, o.PrincipalType)));
        Assert.All(operators, o => Assert.Equal([StorageTableDataContributor], o.Roles));
    }

    [Fact]
    public void APipelinesServicePrincipal_RunningAzd_IsAnOperatorOfItsOwnKind()
    {
        var operators = OperatorAssignments(Pipeline, "ServicePrincipal", string.Empty);

        Assert.Equal([(Pipeline, "ServicePrincipal")], operators.Select(o => (o.PrincipalId, o.PrincipalType)));
    }

    [Fact]
    public void WithoutAPrincipal_OnlyTheNamedOperators_AndWithNeitherNone()
    {
        Assert.Equal([(Team, "Group")], OperatorAssignments(string.Empty, "User", $"{Team}:Group").Select(o => (o.PrincipalId, o.PrincipalType)));
        Assert.Empty(OperatorAssignments(string.Empty, "User", string.Empty));
    }

    [Theory]
    [InlineData("principalId", "${AZURE_PRINCIPAL_ID}")]
    [InlineData("principalType", "${AZURE_PRINCIPAL_TYPE=User}")]
    [InlineData("operatorIds", "${FILEBRIDGE_OPERATORS}")]
    public void AzdEnvironment_FeedsThoseParameters(string parameter, string value)
    {
        // Not JSON until azd has put the values in (FILES_LOCATIONS goes in unquoted): read as text.
        var parameters = File.ReadAllText(Path.Combine(RepositoryPaths.InfraBicep, "azd", "main.parameters.json"));

        Assert.Contains($"\"{parameter}\": {{ \"value\": \"{value}\" }}", parameters, StringComparison.Ordinal);
    }

    /// <summary>
    /// What the compiled templates make of these parameters: the operators the azd template passes to main.bicep, then for
    /// each copy of main.bicep's operator role module the principal, its kind and the roles it is given.
    /// </summary>
    private List<(string PrincipalId, string PrincipalType, List<string> Roles)> OperatorAssignments(string principalId, string principalType, string operatorIds)
    {
        var given = new Dictionary<string, JsonNode?>
        {
            ["principalId"] = principalId,
            ["principalType"] = principalType,
            ["operatorIds"] = operatorIds,
        };
        var entry = new ArmExpression(name => given[name], name => _azd.Root.Variables[name]);
        var main = _azd.Deployment("filebridge");
        var operators = entry.Evaluate(main.ArgumentFor("operators"));

        var loop = main.Resources.Single(r => r.Node["name"].Text() == OperatorRoles);
        var module = _azd.Deployment(OperatorRoles);
        var count = new ArmExpression(_ => operators, name => main.Variables[name]).Evaluate(loop.Node["copy"]!["count"]);
        return Enumerable.Range(0, (int)count!.GetValue<long>())
            .Select(i => new ArmExpression(name => name == "operators" ? operators : main.Parameters[name]?["defaultValue"], name => main.Variables[name], i))
            .Select(arm => (
                arm.Evaluate(module.ArgumentFor("principalId")).Text(),
                arm.Evaluate(module.ArgumentFor("principalType")).Text(),
                module.ArgumentFor("storageRoleDefinitionIds")!.AsArray().Select(r => arm.Evaluate(r).Text()).ToList()))
            .ToList();
    }
}
