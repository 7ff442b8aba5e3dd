namespace FileBridge.Functions.Telemetry;

/// <summary>Where telemetry goes. With neither set, no OpenTelemetry provider is created at all.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The setting Azure Functions and the Bicep templates use for Application Insights.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>DevHost only: print metrics and spans to the console (<c>DevHost:ConsoleTelemetry=true</c>).</summary>
    public const string ConsoleSetting = "DevHost:ConsoleTelemetry";
}
