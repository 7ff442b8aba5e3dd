using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using FileBridge.Core.Sessions;
using FileBridge.Integration.Tests.Aws;
using FileBridge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FileBridge.Integration.Tests.Groups;

/// <summary>
/// The session policy always fits: a person with 60 grants in one location reads under each of them against the real
/// endpoint (which enforces every policy), and no STS call the broker sends carries more than 2,048 characters.
/// </summary>
public sealed class ManyGrantsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SixtyGrantsInOneLocation_ListDownloadAndSearchUnderEach_EveryPolicySentFits()
    {
        var root = $"many-grants-{Guid.NewGuid():N}"[..24] + "/";
        var grants = Enumerable.Range(0, 60).Select(i => $"{root}team-{i:D2}/reports/").ToList();
        await using var objects = new SeededObjects();
        await objects.PutAsync(grants.Select(g => g + "file.txt"), "report");
        var http = new FaultInjectingHttpClientFactory();
        using var host = BrokerHost.Build(http: http);
        var catalog = host.Services.GetRequiredService<FileCatalog>();
        var search = host.Services.GetRequiredService<FileSearch>();
        var user = new AuthenticatedUser($"many-{Guid.NewGuid():N}"[..20], "Many", grants, DateTimeOffset.UtcNow.AddHours(1));
        using var download = new HttpClient();

        foreach (var grant in grants)
        {
            var listing = await catalog.ListAsync(user, new ListFilesQuery(grant, null, null), CancellationToken.None);
            var link = await catalog.GetDownloadLinkAsync(user, grant + "file.txt", CancellationToken.None);

            Assert.True(listing.Failure is null, $"{grant}: {listing.Failure}");
            Assert.Equal([grant + "file.txt"], listing.Value!.Files.Select(f => f.Key));
            Assert.True(link.Failure is null, $"{grant}: {link.Failure}");
            Assert.Equal("report", await download.GetStringAsync(link.Value!.Url));
        }

        var found = new List<string>();
        string? cursor = null;
        do
        {
            var page = await search.SearchAsync(user, new SearchFilesQuery(root, "file.txt", cursor, "1000"), CancellationToken.None);
            Assert.True(page.Failure is null, page.Failure?.ToString());
            found.AddRange(page.Value!.Files.Select(f => f.Key));
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(grants.Select(g => g + "file.txt").Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        var policies = http.StsPolicies.ToList();
        Assert.All(policies, p => Assert.NotNull(p));
        Assert.All(policies, p => Assert.InRange(p!.Length, 1, SessionPolicy.MaxLength));
        // One call per pack: several packs, each assumed once and reused for every grant it covers.
        Assert.True(policies.Distinct().Count() > 1, "60 grants fit one policy; the test would prove nothing");
        Assert.Equal(policies.Distinct().Count(), http.StsCalls);
        output.WriteLine($"{http.StsCalls} STS calls for 60 grants; policy lengths: {string.Join(", ", policies.Select(p => p!.Length))}; largest {policies.Max(p => p!.Length)}");
    }

    [Fact]
    public async Task PackRefusedAsPackedPolicyTooLarge_IsSplitAndTheReadStillWorks()
    {
        var root = $"packed-{Guid.NewGuid():N}"[..20] + "/";
        var grants = Enumerable.Range(0, 8).Select(i => $"{root}g{i}/").ToList();
        await using var objects = new SeededObjects();
        await objects.PutAsync(grants.Select(g => g + "a.txt"), "a");
        var http = new FaultInjectingHttpClientFactory
        {
            StsFault = call => call == 1 ? FaultInjectingHttpClientFactory.StsError(System.Net.HttpStatusCode.BadRequest, "PackedPolicyTooLarge") : null,
        };
        using var host = BrokerHost.Build(http: http);
        var catalog = host.Services.GetRequiredService<FileCatalog>();
        var user = new AuthenticatedUser($"packed-{Guid.NewGuid():N}"[..20], "P", grants, DateTimeOffset.UtcNow.AddHours(1));

        var first = await catalog.ListAsync(user, new ListFilesQuery(grants[6], null, null), CancellationToken.None);
        var second = await catalog.ListAsync(user, new ListFilesQuery(grants[1], null, null), CancellationToken.None);
        var again = await catalog.ListAsync(user, new ListFilesQuery(grants[7], null, null), CancellationToken.None);

        Assert.True(first.Failure is null, first.Failure?.ToString());
        Assert.Equal([grants[6] + "a.txt"], first.Value!.Files.Select(f => f.Key));
        Assert.True(second.Failure is null, second.Failure?.ToString());
        Assert.True(again.Failure is null, again.Failure?.ToString());
        var policies = http.StsPolicies.ToList();
        // The whole pack (refused), then its second half, then its first half; the second half is reused.
        Assert.Equal(3, http.StsCalls);
        Assert.Contains(grants[0], policies[0], StringComparison.Ordinal);
        Assert.Contains(grants[7], policies[0], StringComparison.Ordinal);
        Assert.DoesNotContain(grants[0], policies[1], StringComparison.Ordinal);
        Assert.Contains(grants[6], policies[1], StringComparison.Ordinal);
        Assert.DoesNotContain(grants[6], policies[2], StringComparison.Ordinal);
    }
}
