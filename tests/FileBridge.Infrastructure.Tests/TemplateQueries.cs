using System.Text.Json.Nodes;

namespace FileBridge.Infrastructure.Tests;

/// <summary>Lookups the template tests share.</summary>
internal static class TemplateQueries
{
    public const string SiteType = "Microsoft.Web/sites";

    public static ArmResource FunctionApp(this ArmTemplate template) =>
        template.OfType(SiteType).Single(r => r.Node["kind"]?.GetValue<string>()?.StartsWith("functionapp", StringComparison.Ordinal) == true);

    /// <summary>
    /// The expression the Function App's module builds its app settings with: common ones, the mode's, the optional
    /// ones that are given, the locations and the operator's extra settings.
    /// </summary>
    public const string AppSettingsExpression =
        "[concat(variables('commonSettings'), variables('awsCredentialSettings')[parameters('awsCredentialSource')], variables('optionalSettings'), variables('locationSettings'), variables('extraAppSettings'))]";

    /// <summary>
    /// The Function App's app settings by name for one <c>Aws:CredentialSource</c> (<c>AccessKey</c> or
    /// <c>WebIdentity</c>), values as written in its module; the optional ones as if given (each is written only
    /// when its value is not empty), without the locations and extra settings, which come from parameters.
    /// </summary>
    public static IReadOnlyDictionary<string, JsonNode?> AppSettings(this ArmTemplate template, string credentialSource = "AccessKey")
    {
        var site = template.FunctionApp();
        Assert.Equal(AppSettingsExpression, site.Properties["siteConfig"]!["appSettings"].Text());
        var variables = site.Deployment.Variables;
        return variables["commonSettings"]!.AsArray()
            .Concat(variables["awsCredentialSettings"]![credentialSource]!.AsArray())
            .Concat(variables["optionalSettingCandidates"]!.AsArray())
            .ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["value"]);
    }

    /// <summary>What an app setting's value is in the end: a main.bicep default, or an expression.</summary>
    public static (ArmDeployment Deployment, JsonNode? Value) TraceAppSetting(this ArmTemplate template, string name, string credentialSource = "AccessKey") =>
        template.FunctionApp().Deployment.Trace(template.AppSettings(credentialSource)[name]);

    /// <summary>The default value of a main.bicep parameter that <paramref name="reference"/> names.</summary>
    public static JsonNode? RootDefault(this ArmTemplate template, JsonNode? reference)
    {
        var match = ArmTemplate.ParameterReference().Match(reference!.GetValue<string>());
        Assert.True(match.Success, $"{reference} is not a parameter reference.");
        return template.Root.Parameters[match.Groups["name"].Value]?["defaultValue"];
    }

    public static string Text(this JsonNode? node) => node?.GetValue<string>() ?? string.Empty;

    /// <summary>Every string in a JSON tree, depth first.</summary>
    public static IEnumerable<string> Strings(this JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Value.Strings()),
        JsonArray array => array.SelectMany(n => n.Strings()),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
