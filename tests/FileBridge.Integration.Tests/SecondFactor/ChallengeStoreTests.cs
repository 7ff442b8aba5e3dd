using FileBridge.Core.Passkeys;

namespace FileBridge.Integration.Tests.SecondFactor;

public sealed class ChallengeStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task TakeAsync_Twice_GivesTheChallengeOnce()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ticket = await world.Challenges.IssueAsync(ChallengePurpose.Assertion, "{\"challenge\":\"x\"}", "ann", None);

        var first = await world.Challenges.TakeAsync(ticket.Binding, ChallengePurpose.Assertion, None);
        var second = await world.Challenges.TakeAsync(ticket.Binding, ChallengePurpose.Assertion, None);

        Assert.Equal(new IssuedChallenge("{\"challenge\":\"x\"}", "ann"), first);
        Assert.Null(second);
    }

    [Fact]
    public async Task TakeAsync_TwentyAtOnce_ExactlyOneGetsIt()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ticket = await world.Challenges.IssueAsync(ChallengePurpose.Assertion, "{}", null, None);

        var taken = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => world.Challenges.TakeAsync(ticket.Binding, ChallengePurpose.Assertion, None))));

        Assert.Single(taken, c => c is not null);
    }

    [Fact]
    public async Task TakeAsync_AfterFiveMinutes_IsExpired()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ticket = await world.Challenges.IssueAsync(ChallengePurpose.Registration, "{}", "ann", None);

        world.Time.Advance(ChallengeStore.Lifetime + TimeSpan.FromSeconds(1));

        Assert.Equal(world.Time.GetUtcNow() - TimeSpan.FromSeconds(1), ticket.ExpiresAt);
        Assert.Null(await world.Challenges.TakeAsync(ticket.Binding, ChallengePurpose.Registration, None));
    }

    [Fact]
    public async Task TakeAsync_OtherPurpose_IsRefused()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ticket = await world.Challenges.IssueAsync(ChallengePurpose.Registration, "{}", "ann", None);

        Assert.Null(await world.Challenges.TakeAsync(ticket.Binding, ChallengePurpose.Assertion, None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-issued")]
    public async Task TakeAsync_AnotherBrowsersValue_IsRefused(string? binding)
    {
        var world = await SecondFactorWorld.CreateAsync();
        await world.Challenges.IssueAsync(ChallengePurpose.Assertion, "{}", null, None);

        Assert.Null(await world.Challenges.TakeAsync(binding, ChallengePurpose.Assertion, None));
    }

    [Fact]
    public async Task DeleteExpiredAsync_RemovesOnlyExpired()
    {
        var world = await SecondFactorWorld.CreateAsync();
        await world.Challenges.IssueAsync(ChallengePurpose.Assertion, "{}", null, None);
        world.Time.Advance(ChallengeStore.Lifetime + TimeSpan.FromSeconds(1));
        var fresh = await world.Challenges.IssueAsync(ChallengePurpose.Assertion, "{}", null, None);

        var deleted = await world.Challenges.DeleteExpiredAsync(None);

        Assert.Equal(1, deleted);
        Assert.NotNull(await world.Challenges.TakeAsync(fresh.Binding, ChallengePurpose.Assertion, None));
    }
}
