using Azure.Data.Tables;
using FileBridge.Core.Login;
using FileBridge.Core.Storage;
using FileBridge.Core.Users;
using Microsoft.Extensions.Options;

namespace FileBridge.Testing;

/// <summary>Writes users straight into a test's own Users table, hashed as the app hashes them.</summary>
public sealed class TestUsers(string connectionString, string tableName)
{
    private static readonly PasswordHashing Hashing = new(Options.Create(new LoginOptions()));

    // A hash costs what the app's does (210,000 PBKDF2 rounds, about 0.1 s of a core, several times that on a busy
    // machine) and most tests give many users the same few passwords: each password is hashed once per test run.
    // Rows then share a salt, which no test looks at; the hash still verifies exactly as the app's would.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> Hashes = new(StringComparer.Ordinal);

    public TestUsers(IReadOnlyDictionary<string, string?> settings)
        : this(settings["Users:ConnectionString"]!, settings["Users:TableName"]!)
    {
    }

    public IUserStore Store { get; } = new TableUserStore(
        new TableServiceClient(connectionString),
        Options.Create(new UsersOptions { ConnectionString = connectionString, TableName = tableName }));

    public TableClient Table { get; } = new TableServiceClient(connectionString).GetTableClient(tableName);

    public async Task AddAsync(string name, string password, string? displayName = null, string? prefixes = null, bool disabled = false)
    {
        var id = UserName.Normalize(name);
        await Store.AddAsync(new NewUser(id, displayName ?? name, HashOnce(password), PrefixList.Parse(prefixes)), CancellationToken.None);
        if (disabled)
        {
            await Store.UpdateAsync(id, new UserChange(Disabled: true), CancellationToken.None);
        }
    }

    /// <summary>Sets the lockout counters of an existing account, as failed sign-ins would.</summary>
    public async Task SetLockoutAsync(string name, int failedLogins, DateTimeOffset? lockedUntil)
    {
        var id = UserName.Normalize(name);
        await Table.UpdateEntityAsync(
            new TableEntity(id, id) { ["FailedLogins"] = failedLogins, ["LockedUntil"] = lockedUntil ?? DateTimeOffset.UnixEpoch },
            Azure.ETag.All, TableUpdateMode.Merge);
    }

    public static string Hash(string password) => Hashing.Hash(password);

    private static string HashOnce(string password) => Hashes.GetOrAdd(password, p => new Lazy<string>(() => Hashing.Hash(p))).Value;
}
