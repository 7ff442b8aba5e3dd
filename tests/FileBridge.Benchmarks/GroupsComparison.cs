using System.Diagnostics;
using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using FileBridge.Core.Files;
using FileBridge.Core.Groups;
using FileBridge.Core.Users;
using FileBridge.Testing;
using Microsoft.Extensions.Options;

namespace FileBridge.Benchmarks;

/// <summary>
/// Access by team at scale, against the local services (Azurite and the local S3/STS endpoint): 10,000 users and 1,000
/// groups in the tables, a person in 50 groups with 200 grants in all next to a person with one grant. Medians of a
/// sign-in (password check included), a listing of a granted folder through the app, and <c>access explain</c>'s
/// work (read the user row and their groups' rows, resolve, decide), side by side.
/// </summary>
internal static class GroupsComparison
{
    private const string Password = "benchmark password 1";
    private const int Users = 10_000;
    private const int Groups = 1_000;
    private const int GroupsOfThePerson = 50;
    private const int GrantsPerGroup = 4;
    private const int Warmup = 5;
    private const int Samples = 40;

    public static async Task RunAsync()
    {
        var settings = TestEnvironment.BaseSettings();
        var service = new TableServiceClient(TestEnvironment.AzuriteConnectionString);
        var users = new TestUsers(settings);
        var groups = new TableGroupStore(service, Options.Create(new GroupsOptions { TableName = settings["Groups:TableName"]! }));
        await SeedAsync(service, settings, users, groups);
        await using var app = InProcessDevHost.Start(settings);
        using var client = app.CreateClient();
        var many = await ApiSession.SignInAsync(client, "bench-many", Password);
        var one = await ApiSession.SignInAsync(client, "bench-one", Password);
        var reader = new GroupGrantsReader(groups);
        var results = new List<(string Name, string Value)>
        {
            ("listing a granted folder, 50 groups / one grant (median ms)", Ratio(
                await SampleAsync(() => TimeAsync(() => GetAsync(client, "api/files?prefix=projects/alpha/team-0007/", many))),
                await SampleAsync(() => TimeAsync(() => GetAsync(client, "api/files?prefix=projects/alpha/", one))))),
            ("access explain, 50 groups / one grant (median ms)", Ratio(
                await SampleAsync(() => ExplainAsync(users.Store, reader, "bench-many", "projects/alpha/team-0199/x.txt")),
                await SampleAsync(() => ExplainAsync(users.Store, reader, "bench-one", "projects/alpha/x.txt")))),
            // Sign-ins last: each one opens a session, and past Sessions:MaxPerUser the oldest (the two above) would end.
            ("sign-in, 50 groups / one grant (median ms)", Ratio(
                await SampleAsync(() => TimeAsync(() => ApiSession.LoginAsync(client, "bench-many", Password))),
                await SampleAsync(() => TimeAsync(() => ApiSession.LoginAsync(client, "bench-one", Password))))),
        };

        var width = results.Max(r => r.Name.Length);
        foreach (var (name, value) in results)
        {
            Console.WriteLine($"{name.PadRight(width)}  {value}");
        }
    }

    private static async Task SeedAsync(TableServiceClient service, Dictionary<string, string?> settings, TestUsers users, TableGroupStore groups)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeding {Users:N0} users and {Groups:N0} groups…"));
        var clock = Stopwatch.StartNew();
        var usersTable = service.GetTableClient(settings["Users:TableName"]);
        await usersTable.CreateIfNotExistsAsync();
        var hash = TestUsers.Hash(Password);
        // Filler rows written directly (one partition each, as the app keys them); each filler is in 3 groups.
        await Parallel.ForEachAsync(Enumerable.Range(0, Users), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            await usersTable.AddEntityAsync(
                new TableEntity($"filler-{i:D5}", $"filler-{i:D5}")
                {
                    ["PasswordHash"] = hash,
                    ["DisplayName"] = $"Filler {i}",
                    ["Disabled"] = false,
                    ["Groups"] = string.Join(';', Enumerable.Range(0, 3).Select(k => $"team-{(i + (k * 331)) % Groups:D4}")),
                },
                ct));
        await Parallel.ForEachAsync(Enumerable.Range(0, Groups), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (g, ct) =>
            await groups.AddAsync(
                new AccessGroup(
                    $"team-{g:D4}",
                    $"Team {g}",
                    Enumerable.Range(0, GrantsPerGroup).Select(k => $"projects/alpha/team-{((g * GrantsPerGroup) + k) % 4000:D4}/").ToList(),
                    ETag.All),
                ct));
        await users.AddAsync("bench-many", Password);
        await users.Store.UpdateAsync(
            "bench-many", new UserChange(Groups: Enumerable.Range(0, GroupsOfThePerson).Select(g => $"team-{g:D4}").ToList()), CancellationToken.None);
        await users.AddAsync("bench-one", Password, prefixes: "projects/alpha/");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded in {clock.Elapsed.TotalSeconds:F0} s."));
    }

    private static async Task<List<double>> SampleAsync(Func<Task<double>> measure)
    {
        var samples = new List<double>();
        for (var i = 0; i < Warmup + Samples; i++)
        {
            var elapsed = await measure();
            if (i >= Warmup)
            {
                samples.Add(elapsed);
            }
        }

        return samples;
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        using var response = await send();
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return response.StatusCode == HttpStatusCode.OK
            ? elapsed
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string uri, string token) =>
        client.SendAsync(ApiSession.Request(HttpMethod.Get, uri, token));

    /// <summary>What <c>access explain</c> does once its host is up: the user row, their groups' rows (at once), resolve, decide.</summary>
    private static async Task<double> ExplainAsync(IUserStore users, GroupGrantsReader groups, string userId, string path)
    {
        var clock = Stopwatch.StartNew();
        var user = await users.FindAsync(userId, CancellationToken.None) ?? throw new InvalidOperationException(userId);
        var decision = AccessScope.Resolve(user.Prefixes, await groups.OfAsync(user, CancellationToken.None), null).Decide(path);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return decision.Allowed ? elapsed : throw new InvalidOperationException($"{userId} may not read {path}");
    }

    private static string Ratio(List<double> first, List<double> second)
    {
        var (a, b) = (Median(first), Median(second));
        return string.Create(CultureInfo.InvariantCulture, $"{a:F2} / {b:F2}  (ratio {a / b:F2})");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
