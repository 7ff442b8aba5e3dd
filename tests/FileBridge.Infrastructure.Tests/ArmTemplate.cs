using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// A compiled ARM template with its module deployments unfolded: Bicep compiles each module to a
/// <c>Microsoft.Resources/deployments</c> resource whose <c>properties.template</c> holds the module.
/// </summary>
internal sealed partial class ArmTemplate
{
    public const string DeploymentType = "Microsoft.Resources/deployments";

    private ArmTemplate(JsonObject root)
    {
        Root = new ArmDeployment("main", root, Parent: null, Invocation: null);
        Deployments = Unfold(Root).ToList();
    }

    public ArmDeployment Root { get; }

    /// <summary>The root template first, then every nested deployment, depth first.</summary>
    public IReadOnlyList<ArmDeployment> Deployments { get; }

    public IEnumerable<ArmResource> Resources => Deployments.SelectMany(d => d.Resources);

    public static ArmTemplate Load(string path) =>
        new(JsonNode.Parse(File.ReadAllText(path))?.AsObject()
            ?? throw new InvalidOperationException($"{path} holds no JSON object."));

    public ArmDeployment Deployment(string name) => Deployments.Single(d => d.Name == name);

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase) && !r.IsExisting);

    public ArmResource Single(string type) => OfType(type).Single();

    private static IEnumerable<ArmDeployment> Unfold(ArmDeployment deployment)
    {
        yield return deployment;
        foreach (var resource in deployment.Resources.Where(r => r.Type == DeploymentType))
        {
            var properties = resource.Node["properties"]!.AsObject();
            var nested = new ArmDeployment(
                resource.Node["name"]!.GetValue<string>(),
                properties["template"]!.AsObject(),
                deployment,
                properties["parameters"]?.AsObject() ?? []);
            foreach (var inner in Unfold(nested))
            {
                yield return inner;
            }
        }
    }

    [GeneratedRegex(@"^\[(?:string\()?parameters\('(?<name>[A-Za-z0-9_]+)'\)\)?\]$")]
    internal static partial Regex ParameterReference();
}

/// <summary>One template (the root or a module) and the parameter values its caller passes.</summary>
internal sealed record ArmDeployment(string Name, JsonObject Template, ArmDeployment? Parent, JsonObject? Invocation)
{
    public IEnumerable<ArmResource> Resources => Template["resources"] switch
    {
        JsonArray array => array.Select(n => new ArmResource(this, n!.AsObject())),
        JsonObject symbolic => symbolic.Select(p => new ArmResource(this, p.Value!.AsObject())),
        _ => [],
    };

    public JsonObject Parameters => Template["parameters"]?.AsObject() ?? [];

    public JsonObject Outputs => Template["outputs"]?.AsObject() ?? [];

    public JsonObject Variables => Template["variables"]?.AsObject() ?? [];

    /// <summary>
    /// The value the caller passes for a parameter of this module: <c>{"value": ...}</c>, or one expression that
    /// builds that object when Bicep could not keep it apart (a condition over module outputs).
    /// </summary>
    public JsonNode? ArgumentFor(string parameterName) => Invocation?[parameterName] switch
    {
        JsonObject argument => argument["value"],
        var expression => expression,
    };

    /// <summary>
    /// Follows a value of the form <c>[parameters('x')]</c> (or <c>[string(parameters('x'))]</c>) up
    /// through the callers until it reaches something else, and returns that and the deployment it is in.
    /// </summary>
    public (ArmDeployment Deployment, JsonNode? Value) Trace(JsonNode? value)
    {
        var deployment = this;
        while (value is JsonValue v && v.TryGetValue<string>(out var text)
            && ArmTemplate.ParameterReference().Match(text) is { Success: true } match)
        {
            var name = match.Groups["name"].Value;
            if (deployment.Parent is null)
            {
                return (deployment, value);
            }

            value = deployment.ArgumentFor(name);
            deployment = deployment.Parent;
        }

        return (deployment, value);
    }
}

/// <summary>A resource in one of the templates.</summary>
internal sealed record ArmResource(ArmDeployment Deployment, JsonObject Node)
{
    public string Type => Node["type"]!.GetValue<string>();

    public bool IsExisting => Node["existing"]?.GetValue<bool>() == true;

    public JsonObject Properties => Node["properties"]?.AsObject() ?? [];
}
