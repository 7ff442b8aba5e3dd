using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Locations;

/// <summary>
/// One in-process DevHost with three locations (see <see cref="TestEnvironment.LocationSettings"/>) and a small scan limit, so a
/// search of archive/2024/ (1,200 keys) needs several requests. Users: everything ('*'), one granted a folder in each
/// of two locations, one granted a whole location with a subtree.
/// </summary>
public sealed class LocationsFixture : IAsyncLifetime
{
    public const string Password = "locations password 1";

    public const int ScanLimit = 500;

    public Dictionary<string, string?> Settings { get; } = TestEnvironment.LocationSettings();

    public InProcessDevHost Host { get; private set; } = null!;

    public string EverythingToken { get; private set; } = "";

    /// <summary>Granted demo/home/alice/ and logs/app/ only.</summary>
    public string MixedToken { get; private set; } = "";

    /// <summary>Granted alpha/ (the location that is projects/alpha/ of the first bucket).</summary>
    public string AlphaToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Settings["Files:SearchScanLimit"] = ScanLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Host = InProcessDevHost.Start(Settings);
        var users = new TestUsers(Settings);
        await users.AddAsync("loc-everything", Password, prefixes: "*");
        await users.AddAsync("loc-mixed", Password, prefixes: "demo/home/alice/;logs/app/");
        await users.AddAsync("loc-alpha", Password, prefixes: "alpha/");
        using var client = Host.CreateClient();
        EverythingToken = await ApiSession.SignInAsync(client, "loc-everything", Password);
        MixedToken = await ApiSession.SignInAsync(client, "loc-mixed", Password);
        AlphaToken = await ApiSession.SignInAsync(client, "loc-alpha", Password);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public async Task<HttpResponseMessage> SendAsync(string uri, string? token)
    {
        using var client = Host.CreateClient();
        using var request = ApiSession.Request(HttpMethod.Get, uri, token);
        return await client.SendAsync(request);
    }

    public async Task<System.Text.Json.JsonDocument> GetJsonAsync(string uri, string token)
    {
        using var response = await SendAsync(uri, token);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{uri} answered {(int)response.StatusCode}: {text}");
        return System.Text.Json.JsonDocument.Parse(text);
    }

    public static List<string> Strings(System.Text.Json.JsonElement root, string array, string property) =>
        root.GetProperty(array).EnumerateArray().Select(e => e.GetProperty(property).GetString()!).ToList();
}
