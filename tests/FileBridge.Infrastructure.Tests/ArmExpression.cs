using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// Evaluates the ARM template expressions that turn deployment inputs into lists (the azd entry template's operators),
/// as ARM does, so a test can assert what a compiled template makes of given parameters instead of how its text reads.
/// Knows the functions those expressions use and no more: any other function fails the test, naming it.
/// Values are JSON nodes; a lambda is kept unevaluated until map or filter calls it.
/// </summary>
internal sealed class ArmExpression
{
    private readonly Func<string, JsonNode?> _parameter;
    private readonly Func<string, JsonNode?> _variable;
    private readonly int? _copyIndex;
    private readonly Func<string, JsonNode?>? _reference;

    /// <param name="parameter">The value of parameters('name').</param>
    /// <param name="variable">The template text of variables('name'), evaluated here when it is an expression.</param>
    /// <param name="copyIndex">copyIndex() inside a copy loop.</param>
    /// <param name="reference">
    /// The runtime state of reference(resourceId(type, name)), given "type/name": a module deployment's outputs, as the test
    /// supposes them.
    /// </param>
    public ArmExpression(Func<string, JsonNode?> parameter, Func<string, JsonNode?> variable, int? copyIndex = null, Func<string, JsonNode?>? reference = null)
    {
        _parameter = parameter;
        _variable = variable;
        _copyIndex = copyIndex;
        _reference = reference;
    }

    /// <summary>A template value: "[expression]" is evaluated, any other JSON is itself.</summary>
    public JsonNode? Evaluate(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith('[') && !text.StartsWith("[[", StringComparison.Ordinal)
            ? new Parser(text[1..^1]).Parse().Evaluate(this, new Dictionary<string, JsonNode?>())
            : value?.DeepClone();

    private JsonNode? Apply(string name, IReadOnlyList<Node> arguments, Dictionary<string, JsonNode?> scope)
    {
        JsonNode? Arg(int i) => arguments[i].Evaluate(this, scope);
        string Text(int i) => Arg(i)!.GetValue<string>();
        return name.ToLowerInvariant() switch
        {
            "parameters" => _parameter(Text(0))?.DeepClone(),
            "variables" => Evaluate(_variable(Text(0))),
            "lambdavariables" => scope[Text(0)]?.DeepClone(),
            "copyindex" => (long)(_copyIndex ?? throw new InvalidOperationException("copyIndex() outside a copy loop.")),
            "createarray" => new JsonArray(arguments.Select(a => a.Evaluate(this, scope)).ToArray()),
            "createobject" => new JsonObject(Enumerable.Range(0, arguments.Count / 2)
                .Select(i => KeyValuePair.Create(Text(2 * i), arguments[(2 * i) + 1].Evaluate(this, scope)))),
            "split" => new JsonArray(Text(0).Split(Text(1)).Select(s => (JsonNode?)s).ToArray()),
            "trim" => Text(0).Trim(),
            "empty" => Arg(0) switch
            {
                null => true,
                JsonArray a => a.Count == 0,
                JsonObject o => o.Count == 0,
                var s => s.GetValue<string>().Length == 0,
            },
            "not" => !Arg(0)!.GetValue<bool>(),
            "if" => Arg(0)!.GetValue<bool>() ? Arg(1) : Arg(2),
            "greater" => Arg(0)!.GetValue<long>() > Arg(1)!.GetValue<long>(),
            "length" => (long)(Arg(0) switch
            {
                JsonArray a => a.Count,
                JsonObject o => o.Count,
                var s => s!.GetValue<string>().Length,
            }),
            "coalesce" => arguments.Select(a => a.Evaluate(this, scope)).FirstOrDefault(v => v is not null),
            // tryGet(object, key, key...): down the keys, null where one is missing.
            "tryget" => arguments.Skip(1).Select(a => a.Evaluate(this, scope)!.GetValue<string>())
                .Aggregate(Arg(0), (node, key) => node is JsonObject o && o.TryGetPropertyValue(key, out var member) ? member?.DeepClone() : null),
            // Arrays: every element of each, in order, each distinct value once.
            "union" => new JsonArray(arguments.SelectMany(a => a.Evaluate(this, scope)!.AsArray())
                .Aggregate(new List<JsonNode?>(), (all, next) => all.Any(n => JsonNode.DeepEquals(n, next)) ? all : [.. all, next])
                .Select(n => n?.DeepClone()).ToArray()),
            "map" => new JsonArray(Arg(0)!.AsArray().Select(item => Invoke(arguments[1], item, scope)).ToArray()),
            "null" => null,
            "true" => true,
            "false" => false,
            "format" => string.Format(CultureInfo.InvariantCulture, Text(0), arguments.Skip(1).Select(a => (object?)a.Evaluate(this, scope)?.ToString()).ToArray()),
            "resourceid" => string.Join('/', arguments.Select(a => a.Evaluate(this, scope)!.GetValue<string>())),
            "reference" => (_reference ?? throw new InvalidOperationException("reference() needs the deployments' state."))(Text(0)),
            "filter" => new JsonArray(Arg(0)!.AsArray().Where(item => Invoke(arguments[1], item, scope)!.GetValue<bool>()).Select(n => n?.DeepClone()).ToArray()),
            _ => throw new NotSupportedException($"ArmExpression does not know the function {name}()."),
        };
    }

    /// <summary>Calls lambda('name', body) with one item.</summary>
    private JsonNode? Invoke(Node lambda, JsonNode? item, Dictionary<string, JsonNode?> scope)
    {
        if (lambda is not Call { Name: "lambda", Arguments: [var variable, var body] })
        {
            throw new InvalidOperationException("map and filter take a lambda.");
        }

        var inner = new Dictionary<string, JsonNode?>(scope) { [variable.Evaluate(this, scope)!.GetValue<string>()] = item?.DeepClone() };
        return body.Evaluate(this, inner);
    }

    private abstract record Node
    {
        public abstract JsonNode? Evaluate(ArmExpression arm, Dictionary<string, JsonNode?> scope);
    }

    private sealed record Literal(JsonNode? Value) : Node
    {
        public override JsonNode? Evaluate(ArmExpression arm, Dictionary<string, JsonNode?> scope) => Value?.DeepClone();
    }

    private sealed record Call(string Name, IReadOnlyList<Node> Arguments) : Node
    {
        public override JsonNode? Evaluate(ArmExpression arm, Dictionary<string, JsonNode?> scope) =>
            Name == "lambda" ? throw new InvalidOperationException("A lambda is only an argument of map or filter.") : arm.Apply(Name, Arguments, scope);
    }

    private sealed record Member(Node Target, string Name) : Node
    {
        public override JsonNode? Evaluate(ArmExpression arm, Dictionary<string, JsonNode?> scope) =>
            Target.Evaluate(arm, scope)!.AsObject()[Name]?.DeepClone();
    }

    private sealed record Element(Node Target, Node Position) : Node
    {
        public override JsonNode? Evaluate(ArmExpression arm, Dictionary<string, JsonNode?> scope) =>
            (Target.Evaluate(arm, scope), Position.Evaluate(arm, scope)) switch
            {
                (JsonArray array, var i) => array[(int)i!.GetValue<long>()]?.DeepClone(),
                (JsonObject obj, var key) => obj[key!.GetValue<string>()]?.DeepClone(),
                var other => throw new InvalidOperationException($"Cannot index {other.Item1}."),
            };
    }

    /// <summary>The expression language's grammar: literals, calls, .member and [index].</summary>
    private sealed class Parser(string text)
    {
        private int _at;

        public Node Parse()
        {
            var node = Expression();
            Skip();
            return _at == text.Length ? node : throw Error("end of expression");
        }

        private Node Expression()
        {
            Skip();
            var node = Primary();
            while (true)
            {
                Skip();
                if (Take('.'))
                {
                    node = new Member(node, Identifier());
                }
                else if (Take('['))
                {
                    node = new Element(node, Expression());
                    Expect(']');
                }
                else
                {
                    return node;
                }
            }
        }

        private Node Primary()
        {
            if (Take('\''))
            {
                var value = new StringBuilder();
                while (true)
                {
                    var c = text[_at++];
                    if (c == '\'' && _at < text.Length && text[_at] == '\'')
                    {
                        value.Append('\'');
                        _at++;
                    }
                    else if (c == '\'')
                    {
                        return new Literal(value.ToString());
                    }
                    else
                    {
                        value.Append(c);
                    }
                }
            }

            if (char.IsDigit(text[_at]) || text[_at] == '-')
            {
                var start = _at++;
                while (_at < text.Length && char.IsDigit(text[_at]))
                {
                    _at++;
                }

                return new Literal(long.Parse(text[start.._at], CultureInfo.InvariantCulture));
            }

            var name = Identifier();
            Expect('(');
            var arguments = new List<Node>();
            Skip();
            if (!Take(')'))
            {
                do
                {
                    arguments.Add(Expression());
                    Skip();
                }
                while (Take(','));
                Expect(')');
            }

            return new Call(name, arguments);
        }

        private string Identifier()
        {
            Skip();
            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '_'))
            {
                _at++;
            }

            return _at > start ? text[start.._at] : throw Error("a name");
        }

        private void Skip()
        {
            while (_at < text.Length && text[_at] == ' ')
            {
                _at++;
            }
        }

        private bool Take(char c)
        {
            Skip();
            if (_at < text.Length && text[_at] == c)
            {
                _at++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!Take(c))
            {
                throw Error($"'{c}'");
            }
        }

        private FormatException Error(string expected) => new($"Expected {expected} at {_at} in [{text}].");
    }
}
