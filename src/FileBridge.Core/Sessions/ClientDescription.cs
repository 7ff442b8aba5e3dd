namespace FileBridge.Core.Sessions;

/// <summary>
/// Names a browser and its system from a User-Agent header, as a person recognises them in their list of sessions
/// ("Chrome on Linux"). Only the well-known families are named; anything else is "Unknown browser"/"unknown
/// system". The header is the client's to write: the result is made only of fixed words, never of its text.
/// </summary>
public static class ClientDescription
{
    public const int MaxLength = 100;

    private const string UnknownBrowser = "Unknown browser";
    private const string UnknownSystem = "unknown system";

    // First match wins: Edge, Opera and Samsung Internet also say "Chrome", Chrome also says "Safari".
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"),
        ("EdgA/", "Edge"),
        ("EdgiOS/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
        ("curl/", "curl"),
    ];

    // Android before Linux (it says both), iPhone/iPad before Mac OS X (they say "like Mac OS X").
    private static readonly (string Token, string Name)[] Systems =
    [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("CrOS", "ChromeOS"),
        ("Windows", "Windows"),
        ("Macintosh", "macOS"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ];

    /// <returns>"Browser on System", at most <see cref="MaxLength"/> characters; null when there is no header.</returns>
    public static string? FromUserAgent(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name ?? UnknownBrowser;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name ?? UnknownSystem;
        var description = $"{browser} on {system}";
        return description.Length <= MaxLength ? description : description[..MaxLength];
    }
}
