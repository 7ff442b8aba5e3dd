using Azure.Data.Tables;
using FileBridge.Core.Sessions;
using FileBridge.Core.Storage;
using FileBridge.Core.Users;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FileBridge.Testing;

/// <summary>The session tables of a test's settings, reached as the admin tool reaches them.</summary>
public static class SessionTables
{
    public static IOptions<SessionsOptions> Options(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Microsoft.Extensions.Options.Options.Create(new SessionsOptions
        {
            TableName = settings["Sessions:TableName"]!,
            IndexTableName = settings.TryGetValue("Sessions:IndexTableName", out var index) && index is not null ? index : "SessionIndex",
        });
    }

    /// <summary>A session service over the settings' tables (as `sessions revoke` uses it).</summary>
    public static SessionService Service(IReadOnlyDictionary<string, string?> settings, TableServiceClient? service = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        service ??= new TableServiceClient(settings["Users:ConnectionString"]);
        time ??= TimeProvider.System;
        var options = Options(settings);
        var users = new TableUserStore(service, Microsoft.Extensions.Options.Options.Create(new UsersOptions { TableName = settings["Users:TableName"]! }));
        return new SessionService(
            new TableSessionStore(service, options), new TableSessionIndex(service, options, time), users, options, time, NullLogger<SessionService>.Instance);
    }

    /// <summary>Ends every session of a user on the server, as `sessions revoke` does.</summary>
    public static Task<int> EndAllForUserAsync(IReadOnlyDictionary<string, string?> settings, string userId) =>
        Service(settings).EndAllForUserAsync(userId, CancellationToken.None);
}
