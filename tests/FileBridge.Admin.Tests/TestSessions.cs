using Azure.Data.Tables;
using FileBridge.Core.Sessions;
using FileBridge.Testing;
using Microsoft.Extensions.Options;

namespace FileBridge.Admin.Tests;

/// <summary>Session rows written through the app's own store, so they have exactly the app's shape.</summary>
public sealed class TestSessions(AdminTestContext context)
{
    private readonly TableSessionStore _store = new(
        new TableServiceClient(TestEnvironment.AzuriteConnectionString),
        Options.Create(new SessionsOptions { TableName = context.Settings["Sessions:TableName"]! }));

    public async Task AddAsync(string userId, int count)
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var hash = SessionToken.HashOf(SessionToken.Create());
            await _store.CreateAsync(new SessionRecord(hash, userId, now, now.AddHours(8), now), CancellationToken.None);
        }
    }

    public async Task<int> CountAsync(string userId)
    {
        var count = 0;
        await foreach (var _ in context.SessionsTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"UserId eq {userId}")))
        {
            count++;
        }

        return count;
    }
}
