using System.Collections.Concurrent;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Account;

/// <summary>
/// Ending all of a person's sessions (<c>sessions revoke</c>, password resets) reads the person's partition of the
/// session index and never queries the Sessions table: every request that reaches the table service is recorded.
/// </summary>
public sealed class RevocationWithoutScanTests(AccountSessionsFixture fixture) : IClassFixture<AccountSessionsFixture>
{
    private const string Password = "ended without a scan 1";

    [Fact]
    public async Task EndAllForUser_ReadsOnePartitionOfTheIndex_AndNeverQueriesTheSessionsTable()
    {
        var name = "scan" + Guid.NewGuid().ToString("N")[..10];
        var bystander = "scan" + Guid.NewGuid().ToString("N")[..10];
        await fixture.Users.AddAsync(name, Password);
        await fixture.Users.AddAsync(bystander, Password);
        using var client = fixture.Host.CreateClient();
        var tokens = new List<string>();
        for (var i = 0; i < AccountSessionsFixture.MaxPerUser; i++)
        {
            tokens.Add(await ApiSession.SignInAsync(client, name, Password));
        }

        var bystanderToken = await ApiSession.SignInAsync(client, bystander, Password);
        var recorder = new RequestRecorder();
        var options = new TableClientOptions();
        options.AddPolicy(recorder, HttpPipelinePosition.PerCall);
        var service = new TableServiceClient(fixture.Settings["Users:ConnectionString"], options);

        var ended = await SessionTables.Service(fixture.Settings, service).EndAllForUserAsync(name, CancellationToken.None);

        Assert.Equal(AccountSessionsFixture.MaxPerUser, ended);
        var sessionsTable = fixture.Settings["Sessions:TableName"]!;
        var indexTable = fixture.Settings["Sessions:IndexTableName"]!;
        // Queries address a table as "/Name()"; point reads and deletes name one row, "/Name(PartitionKey=...)".
        var queries = recorder.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("()", StringComparison.Ordinal)).ToList();
        var query = Assert.Single(queries);
        Assert.Equal($"/{indexTable}()", query.Path);
        Assert.Contains($"PartitionKey eq '{name}'", query.Query, StringComparison.Ordinal);
        var sessionRows = recorder.Requests.Where(r => r.Path.StartsWith($"/{sessionsTable}(", StringComparison.Ordinal)).ToList();
        Assert.Equal(AccountSessionsFixture.MaxPerUser, sessionRows.Count(r => r.Method == "DELETE"));
        // Besides the deletes, at most the point read of the revoked-before marker.
        Assert.All(sessionRows.Where(r => r.Method != "DELETE"), r => Assert.Contains("revoked-before", r.Path, StringComparison.Ordinal));
        foreach (var token in tokens)
        {
            using var me = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        }

        using var bystanderMe = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", bystanderToken));
        Assert.Equal(HttpStatusCode.OK, bystanderMe.StatusCode);
    }

    private sealed class RequestRecorder : HttpPipelineSynchronousPolicy
    {
        public ConcurrentQueue<(string Method, string Path, string Query)> Requests { get; } = new();

        public override void OnSendingRequest(HttpMessage message)
        {
            var uri = message.Request.Uri.ToUri();
            // Azurite's path starts with the account name.
            var path = "/" + string.Join('/', uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1));
            Requests.Enqueue((message.Request.Method.Method, Uri.UnescapeDataString(path), Uri.UnescapeDataString(uri.Query)));
        }
    }
}
