using Azure.Data.Tables;
using FileBridge.Core.Sessions;
using FileBridge.Testing;

namespace FileBridge.Admin.Tests;

/// <summary>Session rows and their index entries written through the app's own stores, so they have exactly the app's shape.</summary>
public sealed class TestSessions(AdminTestContext context)
{
    private readonly TableSessionStore _store = new(new TableServiceClient(TestEnvironment.AzuriteConnectionString), SessionTables.Options(context.Settings));
    private readonly TableSessionIndex _index = new(
        new TableServiceClient(TestEnvironment.AzuriteConnectionString), SessionTables.Options(context.Settings), TimeProvider.System);

    public async Task AddAsync(string userId, int count)
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var record = new SessionRecord(SessionToken.HashOf(SessionToken.Create()), userId, now, now.AddHours(8), now) { SessionId = SessionIds.New() };
            await _store.CreateAsync(record, CancellationToken.None);
            await _index.AddAsync(
                userId,
                new SessionIndexEntry(record.SessionId, record.TokenHash, now, record.ExpiresAt, now, null, null),
                _ => [],
                (_, _) => Task.CompletedTask,
                CancellationToken.None);
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
