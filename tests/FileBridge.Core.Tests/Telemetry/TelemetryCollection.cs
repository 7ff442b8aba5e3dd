namespace FileBridge.Core.Tests.Telemetry;

/// <summary>
/// OpenTelemetry listens to meters and sources by name, process-wide: tests that read them run alone, so no other
/// test's listings or STS calls land in their exporters.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
