using System.Reflection;

namespace FileBridge.DevHost;

/// <summary>One timer-triggered function: its name, NCRONTAB schedule (with seconds) and the method to call.</summary>
public sealed record FunctionTimer(string Name, string Schedule, MethodInfo Method);
