using System.Globalization;

namespace FileBridge.Testing;

/// <summary>Asks the local OpenID Connect issuer for tokens a test needs: another audience, another subject, already expired.</summary>
public static class TestIssuer
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <param name="audience">The <c>aud</c> claim; null = the audience the endpoint trusts.</param>
    /// <param name="subject">The <c>sub</c> claim; null = the subject the endpoint trusts.</param>
    /// <param name="lifetime">Until <c>exp</c>; negative = already expired; null = the issuer's default.</param>
    public static async Task<string> MintAsync(string? audience = null, string? subject = null, TimeSpan? lifetime = null)
    {
        var query = new List<string>();
        if (audience is not null)
        {
            query.Add("aud=" + Uri.EscapeDataString(audience));
        }

        if (subject is not null)
        {
            query.Add("sub=" + Uri.EscapeDataString(subject));
        }

        if (lifetime is { } value)
        {
            query.Add("lifetimeSeconds=" + ((int)value.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }

        var uri = new Uri(TestEnvironment.OidcIssuer, "token" + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        using var response = await Http.PostAsync(uri, content: null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A token file of the test's own, in a fresh temporary folder, holding <paramref name="token"/>.</summary>
    public static async Task<string> WriteTokenFileAsync(string token)
    {
        var folder = Directory.CreateTempSubdirectory("filebridge-token-");
        var path = Path.Combine(folder.FullName, "token.jwt");
        await File.WriteAllTextAsync(path, token);
        return path;
    }

    /// <summary>Replaces a token file's content at once, as a platform agent refreshing it would.</summary>
    public static async Task ReplaceTokenAsync(string path, string token)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, token);
        File.Move(temporary, path, overwrite: true);
    }
}
