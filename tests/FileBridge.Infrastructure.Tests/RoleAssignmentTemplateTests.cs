using System.Text.RegularExpressions;

namespace FileBridge.Infrastructure.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed partial class RoleAssignmentTemplateTests(CompiledTemplateFixture fixture)
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string StorageTableDataReader = "76199698-9eea-4c19-bc75-cec21354c6b6";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    private readonly ArmTemplate _template = fixture.Template;

    [Fact]
    public void RoleAssignments_Name_IsGuidOfScopePrincipalAndRole()
    {
        var assignments = _template.OfType("Microsoft.Authorization/roleAssignments").ToList();

        var mismatches = assignments
            .Where(a => !NameMatchesScope(a))
            .Select(a => a.Node["name"].Text())
            .ToList();

        Assert.NotEmpty(assignments);
        Assert.Empty(mismatches);
    }

    [Fact]
    public void RoleAssignments_Scope_IsASingleResourceNeverTheGroup()
    {
        var assignments = _template.OfType("Microsoft.Authorization/roleAssignments").ToList();

        var scopes = assignments.Select(a => a.Node["scope"].Text()).ToList();

        Assert.All(scopes, s => Assert.StartsWith("[resourceId('Microsoft.", s, StringComparison.Ordinal));
        Assert.DoesNotContain(scopes, s => s.Contains("resourceGroup()", StringComparison.Ordinal));
    }

    [Fact]
    public void Template_RoleDefinitions_AreOnlyTheLeastPrivilegedDataRoles()
    {
        var json = _template.Root.Template.ToJsonString();

        var guids = Guid().Matches(json).Select(m => m.Value).ToHashSet();

        Assert.Equal(
            new HashSet<string> { StorageTableDataContributor, StorageTableDataReader, StorageBlobDataOwner, KeyVaultSecretsUser, KeyVaultSecretsOfficer, MonitoringMetricsPublisher },
            guids);
    }

    [Fact]
    public void AppIdentity_Roles_ArePerResourceAsNeeded()
    {
        var app = _template.Deployment("app-role-assignments");

        Assert.Equal([StorageTableDataContributor, StorageBlobDataOwner], Roles(app, "storageRoleDefinitionIds"));
        Assert.Contains(KeyVaultSecretsUser, _template.Root.Variables["roles"]!.AsObject().Select(r => r.Value.Text()));
        // Every mode reads the sign-in keys from the vault; reading is all the app may do there.
        Assert.Equal([KeyVaultSecretsUser], Roles(app, "keyVaultRoleDefinitionIds"));
        Assert.Equal([MonitoringMetricsPublisher], Roles(app, "applicationInsightsRoleDefinitionIds"));
        Assert.Equal("ServicePrincipal", app.ArgumentFor("principalType").Text());
        Assert.EndsWith(".outputs.principalId.value]", app.ArgumentFor("principalId").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Operator_Roles_AreOnlyTableDataOncePerOperatorInTheArray()
    {
        const string Name = "[format('operator-role-assignments-{0}', copyIndex())]";
        var operatorRoles = _template.Deployment(Name);
        var copy = _template.Root.Resources.Single(r => r.Node["name"].Text() == Name).Node["copy"]!;

        Assert.Equal([StorageTableDataContributor], Roles(operatorRoles, "storageRoleDefinitionIds"));
        Assert.Empty(Roles(operatorRoles, "keyVaultRoleDefinitionIds"));
        Assert.Empty(Roles(operatorRoles, "applicationInsightsRoleDefinitionIds"));
        Assert.Equal("[length(parameters('operators'))]", copy["count"].Text());
        Assert.Equal("array", _template.Root.Template["parameters"]!["operators"]!["type"].Text());
        Assert.False(_template.Root.Template["parameters"]!.AsObject().ContainsKey("operatorPrincipalId"));
    }

    [Fact]
    public void AuditReader_Role_IsTableDataReaderOnTheAuditTableOnlyAndOnlyWhenNamed()
    {
        var reader = _template.Deployment("audit-reader-role-assignment");
        var condition = _template.Root.Resources.Single(r => r.Node["name"].Text() == "audit-reader-role-assignment").Node["condition"].Text();
        var assignment = Assert.Single(reader.Resources, r => r.Type == "Microsoft.Authorization/roleAssignments");

        Assert.Equal("[not(empty(parameters('auditReaderPrincipalId')))]", condition);
        Assert.Equal("[variables('roles').storageTableDataReader]", reader.ArgumentFor("roleDefinitionId").Text());
        Assert.Equal(StorageTableDataReader, _template.Root.Variables["roles"]!["storageTableDataReader"].Text());
        Assert.Equal("[parameters('auditTableName')]", reader.ArgumentFor("tableName").Text());
        Assert.Equal(
            "[resourceId('Microsoft.Storage/storageAccounts/tableServices/tables', parameters('storageAccountName'), 'default', parameters('tableName'))]",
            assignment.Node["scope"].Text());
    }

    [Fact]
    public void AppIdentity_AuditTable_IsWritableThroughTableDataOnlyWithNoReadOnlyOrOwnerRole()
    {
        var app = _template.Deployment("app-role-assignments");

        var storageRoles = Roles(app, "storageRoleDefinitionIds");

        // Table Data Contributor is the least Azure offers to add rows (and to delete them for retention); the host's
        // own diagnostic tables need it account-wide. No reader role, no control-plane role.
        Assert.Contains(StorageTableDataContributor, storageRoles);
        Assert.DoesNotContain(StorageTableDataReader, storageRoles);
    }

    [Fact]
    public void FunctionApp_Deployment_WaitsForItsRoleAssignments()
    {
        var functionApp = _template.Root.Resources.Single(r => r.Node["name"].Text() == "function-app");

        var dependsOn = functionApp.Node["dependsOn"]!.AsArray().Select(d => d.Text()).ToList();

        Assert.Contains(dependsOn, d => d.Contains("'app-role-assignments'", StringComparison.Ordinal));
    }

    private List<string> Roles(ArmDeployment deployment, string parameter)
    {
        var references = deployment.ArgumentFor(parameter)?.AsArray().Select(n => n.Text()).ToList() ?? [];
        var roles = _template.Root.Variables["roles"]!.AsObject();
        return references
            .Select(r => RoleVariable().Match(r))
            .Select(m => roles[m.Groups["name"].Value].Text())
            .ToList();
    }

    private static bool NameMatchesScope(ArmResource assignment)
    {
        var scope = assignment.Node["scope"].Text().Trim('[', ']');
        var name = assignment.Node["name"].Text();
        var roleDefinition = assignment.Properties["roleDefinitionId"].Text();
        var role = RoleDefinitionArgument().Match(roleDefinition).Groups["role"].Value;
        return name == $"[guid({scope}, parameters('principalId'), {role})]"
            && assignment.Properties["principalId"].Text() == "[parameters('principalId')]";
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"^\[variables\('roles'\)\.(?<name>\w+)\]$")]
    private static partial Regex RoleVariable();

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', (?<role>.+)\)\]$")]
    private static partial Regex RoleDefinitionArgument();
}
