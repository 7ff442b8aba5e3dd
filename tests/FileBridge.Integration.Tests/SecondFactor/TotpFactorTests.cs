using FileBridge.Core.SecondFactor;

namespace FileBridge.Integration.Tests.SecondFactor;

public sealed class TotpFactorTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ConfirmAsync_FirstCode_MakesTheFactorAndTenRecoveryCodes()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var setup = await world.Totp.StartAsync(ann, "ann", None);
        var secret = OtpNet.Base32Encoding.ToBytes(setup!.Secret);

        var confirmation = await world.Totp.ConfirmAsync(ann, world.CodeNow(secret), None);

        Assert.True(confirmation.Confirmed);
        Assert.Equal(10, confirmation.RecoveryCodes!.Count);
        Assert.StartsWith("otpauth://totp/FileBridge:ann?", setup.OtpauthUri, StringComparison.Ordinal);
        Assert.Equal(new FactorSummary(true, 0, 10), await world.Summary.ReadAsync(ann, None));
    }

    [Fact]
    public async Task ConfirmAsync_WrongCode_LeavesNoFactor()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var setup = await world.Totp.StartAsync(ann, "ann", None);
        var secret = OtpNet.Base32Encoding.ToBytes(setup!.Secret);
        var wrong = world.CodeNow(secret) == "000000" ? "111111" : "000000";

        var confirmation = await world.Totp.ConfirmAsync(ann, wrong, None);

        Assert.False(confirmation.Confirmed);
        Assert.False((await world.Summary.ReadAsync(ann, None)).Totp);
    }

    [Fact]
    public async Task ConfirmAsync_NothingPending_IsInvalid()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");

        Assert.False((await world.Totp.ConfirmAsync(ann, "123456", None)).Confirmed);
    }

    [Fact]
    public async Task VerifyAsync_SameCodeTwice_AcceptedOnce()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var secret = await world.EnrolTotpAsync(ann);
        var code = world.CodeNow(secret);

        var first = await world.Totp.VerifyAsync(ann, code, None);
        var second = await world.Totp.VerifyAsync(ann, code, None);

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task VerifyAsync_ConfirmingCode_CannotSignIn()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var setup = await world.Totp.StartAsync(ann, "ann", None);
        var secret = OtpNet.Base32Encoding.ToBytes(setup!.Secret);
        var code = world.CodeNow(secret);
        await world.Totp.ConfirmAsync(ann, code, None);

        Assert.False(await world.Totp.VerifyAsync(ann, code, None));
    }

    [Fact]
    public async Task VerifyAsync_PreviousStep_AcceptedButTwoStepsAgoRefused()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var secret = await world.EnrolTotpAsync(ann);
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var twoStepsAgo = TotpCodes.CodeAt(secret, world.Time.GetUtcNow().AddSeconds(-2 * TotpCodes.StepSeconds));
        var previous = TotpCodes.CodeAt(secret, world.Time.GetUtcNow().AddSeconds(-TotpCodes.StepSeconds));

        var old = await world.Totp.VerifyAsync(ann, twoStepsAgo, None);
        var late = await world.Totp.VerifyAsync(ann, previous, None);

        Assert.False(old);
        Assert.True(late);
    }

    [Fact]
    public async Task VerifyAsync_EarlierStepAfterALaterOneWasUsed_IsRefused()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var secret = await world.EnrolTotpAsync(ann);
        var previous = TotpCodes.CodeAt(secret, world.Time.GetUtcNow().AddSeconds(-TotpCodes.StepSeconds));
        world.Time.Advance(TimeSpan.FromSeconds(TotpCodes.StepSeconds));
        Assert.True(await world.Totp.VerifyAsync(ann, TotpCodes.CodeAt(secret, world.Time.GetUtcNow().AddSeconds(-TotpCodes.StepSeconds)), None));

        Assert.False(await world.Totp.VerifyAsync(ann, previous, None));
    }

    [Fact]
    public async Task VerifyAsync_TwentyAtOnceWithOneCode_ExactlyOneAccepted()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var secret = await world.EnrolTotpAsync(ann);
        var code = world.CodeNow(secret);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => world.Totp.VerifyAsync(ann, code, None))));

        Assert.Single(results, accepted => accepted);
    }

    [Fact]
    public async Task VerifyAsync_UnrelatedColumnWrittenMeanwhile_StillAccepted()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var secret = await world.EnrolTotpAsync(ann);
        var code = world.CodeNow(secret);
        var table = world.Service.GetTableClient(world.Users.Value.TableName);

        // Lockout counters land on the same row at any moment; they must not make a right code fail.
        var writes = Task.WhenAll(Enumerable.Range(0, 3).Select(i => table.UpdateEntityAsync(
            new Azure.Data.Tables.TableEntity(ann, ann) { ["FailedLogins"] = i }, Azure.ETag.All, Azure.Data.Tables.TableUpdateMode.Merge)));
        var accepted = await world.Totp.VerifyAsync(ann, code, None);
        await writes;

        Assert.True(accepted);
        Assert.Equal("stamp", (await world.UserRowAsync(ann)).GetString("SecurityStamp"));
    }

    [Fact]
    public async Task StartAsync_NewSecret_ReplacesTheWorkingOneOnlyOnceConfirmed()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var oldSecret = await world.EnrolTotpAsync(ann);
        var setup = await world.Totp.StartAsync(ann, "ann", None);
        var newSecret = OtpNet.Base32Encoding.ToBytes(setup!.Secret);

        Assert.False(await world.Totp.VerifyAsync(ann, world.CodeNow(newSecret), None));
        Assert.True(await world.Totp.VerifyAsync(ann, world.CodeNow(oldSecret), None));
        world.Time.Advance(TimeSpan.FromSeconds(TotpCodes.StepSeconds));
        var confirmation = await world.Totp.ConfirmAsync(ann, world.CodeNow(newSecret), None);
        world.Time.Advance(TimeSpan.FromSeconds(TotpCodes.StepSeconds));

        Assert.True(confirmation.Confirmed);
        Assert.Null(confirmation.RecoveryCodes);
        Assert.False(await world.Totp.VerifyAsync(ann, world.CodeNow(oldSecret), None));
        Assert.True(await world.Totp.VerifyAsync(ann, world.CodeNow(newSecret), None));
    }

    [Fact]
    public async Task StoredRow_CopyOfTheStorageAccount_HoldsNoUsableSecret()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.AddUserAsync("ann");
        var secret = await world.EnrolTotpAsync(ann);

        var row = await world.UserRowAsync(ann);

        var secretText = OtpNet.Base32Encoding.ToString(secret);
        Assert.All(row.Select(column => column.Value), value => Assert.DoesNotContain(secretText, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("v1.", row.GetString("TotpSecret"), StringComparison.Ordinal);
        Assert.Equal("not-a-real-hash", row.GetString("PasswordHash"));
    }

    [Fact]
    public async Task RemoveAsync_LastFactorUnderRequired_Stays()
    {
        var world = await SecondFactorWorld.CreateAsync(SecondFactorPolicy.Required);
        var ann = await world.AddUserAsync("ann");
        await world.EnrolTotpAsync(ann);

        Assert.Equal(FactorRemoval.LastFactor, await world.Totp.RemoveAsync(ann, None));
        Assert.True((await world.Summary.ReadAsync(ann, None)).Totp);
    }

    [Fact]
    public async Task RemoveAsync_LastFactorUnderOptional_RemovesItAndItsRecoveryCodes()
    {
        var world = await SecondFactorWorld.CreateAsync(SecondFactorPolicy.Optional);
        var ann = await world.AddUserAsync("ann");
        var secret = await world.EnrolTotpAsync(ann);

        var removal = await world.Totp.RemoveAsync(ann, None);

        Assert.Equal(FactorRemoval.Removed, removal);
        Assert.Equal(FactorSummary.None, await world.Summary.ReadAsync(ann, None));
        Assert.False(await world.Totp.VerifyAsync(ann, world.CodeNow(secret), None));
    }

    [Fact]
    public async Task RemoveAsync_NoTotp_NotFound()
    {
        var world = await SecondFactorWorld.CreateAsync(SecondFactorPolicy.Optional);
        var ann = await world.AddUserAsync("ann");

        Assert.Equal(FactorRemoval.NotFound, await world.Totp.RemoveAsync(ann, None));
    }

    [Fact]
    public async Task StartAsync_NoSuchAccount_IsNull()
    {
        var world = await SecondFactorWorld.CreateAsync();

        Assert.Null(await world.Totp.StartAsync("nobody", "nobody", None));
    }
}
