namespace FileBridge.Functions.Telemetry;

/// <summary>Where telemetry goes. With neither set, no OpenTelemetry provider is created at all.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The setting Azure Functions and the Bicep templates use for Application Insights.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// How the exporter authenticates: <c>Authorization=AAD;ClientId=&lt;user-assigned identity's client id&gt;</c>
    /// (the templates set it), or <c>Authorization=AAD</c> alone for a system-assigned identity. Application Insights
    /// with local authentication off refuses anything else; absent, the exporter sends with the connection string only.
    /// </summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>DevHost only: print metrics and spans to the console (<c>DevHost:ConsoleTelemetry=true</c>).</summary>
    public const string ConsoleSetting = "DevHost:ConsoleTelemetry";
}
