using FileBridge.Core.SecondFactor;

namespace FileBridge.Integration.Tests.SecondFactor;

public sealed class RecoveryCodeServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task UseAsync_OneCode_WorksOnceAndNeverAgain()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var codes = await EnrolAsync(world, ann);

        var first = await world.RecoveryCodes.UseAsync(ann, codes[3], None);
        var again = await world.RecoveryCodes.UseAsync(ann, codes[3], None);

        Assert.True(first);
        Assert.False(again);
        Assert.Equal(9, (await world.Summary.ReadAsync(ann, None)).RecoveryCodesLeft);
    }

    [Fact]
    public async Task UseAsync_TypedLowerCaseWithSpaces_Works()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var codes = await EnrolAsync(world, ann);

        Assert.True(await world.RecoveryCodes.UseAsync(ann, codes[0].Replace('-', ' ').ToLowerInvariant(), None));
    }

    [Fact]
    public async Task UseAsync_TwentyAtOnceWithOneCode_ExactlyOneAccepted()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var codes = await EnrolAsync(world, ann);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => world.RecoveryCodes.UseAsync(ann, codes[0], None))));

        Assert.Single(results, accepted => accepted);
        Assert.Equal(9, (await world.Summary.ReadAsync(ann, None)).RecoveryCodesLeft);
    }

    [Fact]
    public async Task UseAsync_DifferentCodesAtOnce_EachAcceptedOnce()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var codes = await EnrolAsync(world, ann);

        var results = await Task.WhenAll(codes.Take(4).Select(code => Task.Run(() => world.RecoveryCodes.UseAsync(ann, code, None))));

        Assert.All(results, Assert.True);
        Assert.Equal(6, (await world.Summary.ReadAsync(ann, None)).RecoveryCodesLeft);
    }

    [Fact]
    public async Task UseAsync_AnotherPersonsCode_IsRefused()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var bob = await world.AddUserAsync("bob");
        var annCodes = await EnrolAsync(world, ann);
        await EnrolAsync(world, bob);

        Assert.False(await world.RecoveryCodes.UseAsync(bob, annCodes[0], None));
    }

    [Fact]
    public async Task ReplaceAsync_NewSet_OldCodesDie()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var old = await EnrolAsync(world, ann);

        var fresh = await world.RecoveryCodes.ReplaceAsync(ann, None);

        Assert.Equal(10, fresh!.Count);
        Assert.False(await world.RecoveryCodes.UseAsync(ann, old[0], None));
        Assert.True(await world.RecoveryCodes.UseAsync(ann, fresh[0], None));
    }

    [Fact]
    public async Task ReplaceAsync_NoFactor_MakesNoCodes()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");

        Assert.Null(await world.RecoveryCodes.ReplaceAsync(ann, None));
    }

    [Fact]
    public async Task StoredRow_HoldsOnlyHashes()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var codes = await EnrolAsync(world, ann);

        var stored = (await world.UserRowAsync(ann)).GetString("RecoveryCodes");

        Assert.Equal(10, stored.Split(';').Length);
        Assert.All(codes, code => Assert.DoesNotContain(code.Replace("-", string.Empty, StringComparison.Ordinal), stored, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(RecoveryCodes.Hash(codes[0])!, stored, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string>> EnrolAsync(SecondFactorWorld world, string userId)
    {
        var setup = await world.Totp.StartAsync(userId, userId, None);
        var confirmation = await world.Totp.ConfirmAsync(userId, world.CodeNow(OtpNet.Base32Encoding.ToBytes(setup!.Secret)), None);
        return confirmation.RecoveryCodes!;
    }
}
