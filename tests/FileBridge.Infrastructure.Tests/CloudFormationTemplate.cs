using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// A CloudFormation template read as plain YAML into JSON nodes (every scalar becomes a string).
/// The template uses long-form intrinsic functions only; a short-form tag such as <c>!Sub</c> is
/// refused here rather than silently read as its bare value.
/// </summary>
internal sealed class CloudFormationTemplate
{
    private CloudFormationTemplate(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public JsonObject Resources => Root["Resources"]!.AsObject();

    public JsonObject Outputs => Root["Outputs"]!.AsObject();

    public JsonObject Parameters => Root["Parameters"]!.AsObject();

    public static CloudFormationTemplate Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return new CloudFormationTemplate(ToJson(stream.Documents.Single().RootNode).AsObject());
    }

    public JsonObject Resource(string logicalId) => Resources[logicalId]!.AsObject();

    public IEnumerable<KeyValuePair<string, JsonObject>> ResourcesOfType(string type) =>
        Resources
            .Where(r => r.Value!["Type"]!.GetValue<string>() == type)
            .Select(r => KeyValuePair.Create(r.Key, r.Value!.AsObject()));

    /// <summary>
    /// Replaces every <c>{"Fn::Sub": "text"}</c> and <c>{"Fn::Sub": ["text", {vars}]}</c> with its
    /// text, leaving the <c>${Name}</c> placeholders in place: the form the policy files are written in.
    /// </summary>
    public static JsonNode? WithSubstitutionsAsPlaceholders(JsonNode? node) => node switch
    {
        JsonObject obj when obj.Count == 1 && obj["Fn::Sub"] is JsonValue text => text.DeepClone(),
        JsonObject obj when obj.Count == 1 && obj["Fn::Sub"] is JsonArray { Count: 2 } pair => pair[0]!.DeepClone(),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, WithSubstitutionsAsPlaceholders(p.Value)))),
        JsonArray array => new JsonArray(array.Select(WithSubstitutionsAsPlaceholders).ToArray()),
        _ => node?.DeepClone(),
    };

    private static JsonNode ToJson(YamlNode node)
    {
        if (!node.Tag.IsEmpty && !node.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            throw new YamlException(node.Start, node.End, $"Short-form tag {node.Tag.Value} is not plain YAML; use the long form.");
        }

        return node switch
        {
            YamlMappingNode map => new JsonObject(map.Children.Select(c =>
                KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, (JsonNode?)ToJson(c.Value)))),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(c => (JsonNode?)ToJson(c)).ToArray()),
            YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? string.Empty),
            _ => throw new YamlException(node.Start, node.End, $"Unexpected YAML node {node.NodeType}."),
        };
    }
}
