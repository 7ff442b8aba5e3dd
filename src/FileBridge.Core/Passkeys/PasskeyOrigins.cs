namespace FileBridge.Core.Passkeys;

/// <summary>
/// Which origins may run a passkey ceremony: the app's own and <c>Web:AllowedOrigins</c>, each https (or
/// http://localhost) and equal to or under the relying party id. Anything else is dropped, not trusted.
/// </summary>
public static class PasskeyOrigins
{
    public static IReadOnlySet<string> Accepted(string rpId, string? appOrigin, IEnumerable<string> allowedOrigins)
    {
        var accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var origin in allowedOrigins.Prepend(appOrigin ?? string.Empty))
        {
            if (Normalize(origin) is { } normalized && IsAcceptable(rpId, normalized))
            {
                accepted.Add(normalized);
            }
        }

        return accepted;
    }

    public static bool IsAcceptable(string rpId, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        var secure = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && host == PasskeyOptions.LoopbackRpId);
        return secure && (host == rpId || host.EndsWith("." + rpId, StringComparison.Ordinal));
    }

    public static bool IsHostName(string value) =>
        Uri.CheckHostName(value) == UriHostNameType.Dns && !value.Contains(':', StringComparison.Ordinal);

    /// <summary>Origins as browsers write them in clientDataJSON: scheme://host[:port], no trailing slash, default port omitted.</summary>
    private static string? Normalize(string origin) =>
        Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;
}
