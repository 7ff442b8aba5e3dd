using System.Reflection;

namespace FileBridge.DevHost;

/// <summary>One HTTP-triggered function: its name, route under /api, verbs and the method to call.</summary>
public sealed record FunctionRoute(string Name, string Route, IReadOnlyList<string> Methods, MethodInfo Method);
