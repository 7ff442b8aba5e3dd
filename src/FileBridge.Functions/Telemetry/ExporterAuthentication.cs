using Azure.Core;
using Azure.Identity;

namespace FileBridge.Functions.Telemetry;

/// <summary>
/// The parsed <see cref="TelemetryOptions.AuthenticationStringSetting"/>. The Azure Monitor exporter does not read
/// that setting itself (only the Functions host and the classic SDKs do), so without this the worker's telemetry is
/// refused by an Application Insights component whose local authentication is off.
/// </summary>
/// <param name="ClientId">Client id of the user-assigned identity; null for the system-assigned one.</param>
public sealed record ExporterAuthentication(string? ClientId)
{
    /// <summary>
    /// Reads the setting; null when it is absent. A value that is not <c>Authorization=AAD</c> with an optional GUID
    /// <c>ClientId</c> stops the start-up with a message naming the setting (never its value).
    /// </summary>
    public static ExporterAuthentication? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || !parts.TryAdd(part[..separator].Trim(), part[(separator + 1)..].Trim()))
            {
                throw Malformed("each part must be Name=Value, each name once");
            }
        }

        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw Malformed("Authorization=AAD is the only supported form");
        }

        if (parts.Keys.Any(k => !k.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !k.Equals("ClientId", StringComparison.OrdinalIgnoreCase)))
        {
            throw Malformed("only Authorization and ClientId are understood");
        }

        if (!parts.TryGetValue("ClientId", out var clientId))
        {
            return new ExporterAuthentication(ClientId: null);
        }

        return Guid.TryParse(clientId, out _)
            ? new ExporterAuthentication(clientId)
            : throw Malformed("ClientId must be the managed identity's client id (a GUID)");
    }

    /// <summary>The managed identity's credential the exporter sends with.</summary>
    public TokenCredential CreateCredential() =>
        new ManagedIdentityCredential(ClientId is null
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(ClientId));

    private static InvalidOperationException Malformed(string reason) =>
        new($"The setting {TelemetryOptions.AuthenticationStringSetting} is malformed: {reason}.");
}
