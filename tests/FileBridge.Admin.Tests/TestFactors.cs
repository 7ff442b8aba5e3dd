using Azure.Data.Tables;
using FileBridge.Core.Passkeys;
using FileBridge.Core.SecondFactor;
using FileBridge.Core.Storage;
using FileBridge.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FileBridge.Admin.Tests;

/// <summary>
/// Second factors written through the app's own stores, so the rows have exactly the app's shape. The TOTP secret is
/// an opaque stand-in: the admin tool only ever tests whether one is there, never decrypts it.
/// </summary>
public sealed class TestFactors(AdminTestContext context)
{
    private readonly UserFactorStore _factors = new(
        new TableServiceClient(TestEnvironment.AzuriteConnectionString),
        Options.Create(new UsersOptions { ConnectionString = TestEnvironment.AzuriteConnectionString, TableName = context.Settings["Users:TableName"]! }));

    public PasskeyStore Passkeys { get; } = new(
        new TableServiceClient(TestEnvironment.AzuriteConnectionString),
        Options.Create(new SecondFactorOptions { PasskeysTableName = context.Settings["Login:PasskeysTableName"]! }));

    /// <summary>Gives an existing user TOTP (when asked), <paramref name="passkeys"/> passkeys and <paramref name="recoveryCodes"/> codes.</summary>
    public async Task<string> AddAsync(string userId, bool totp, int passkeys, int recoveryCodes)
    {
        var handle = WebEncoders.Base64UrlEncode(Guid.NewGuid().ToByteArray());
        var current = (await _factors.ReadAsync(userId, CancellationToken.None))!;
        var written = await _factors.TryWriteAsync(current, new UserFactorsChange(
            TotpSecret: totp ? "an encrypted secret" : null,
            RecoveryCodeHashes: Enumerable.Range(0, recoveryCodes).Select(i => $"hash-{i}").ToList(),
            PasskeyUserHandle: handle), CancellationToken.None);
        Assert.True(written);
        for (var i = 0; i < passkeys; i++)
        {
            var credentialId = WebEncoders.Base64UrlEncode(Guid.NewGuid().ToByteArray());
            Assert.True(await Passkeys.TryAddAsync(
                new StoredPasskey(handle, credentialId, userId, $"key {i}", [1, 2, 3], 0, DateTimeOffset.UtcNow, null, []), CancellationToken.None));
        }

        return handle;
    }

    public async Task<UserFactors> ReadAsync(string userId) => (await _factors.ReadAsync(userId, CancellationToken.None))!;
}
