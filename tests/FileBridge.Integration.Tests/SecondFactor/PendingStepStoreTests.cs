using FileBridge.Core.PendingSteps;

namespace FileBridge.Integration.Tests.SecondFactor;

public sealed class PendingStepStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task StartAsync_ThenFind_GivesTheStepBack()
    {
        var world = await SecondFactorWorld.CreateAsync();

        var ticket = await world.PendingSteps.StartAsync(Start("ann", PendingStepKind.SecondFactor), None);
        var step = await world.PendingSteps.FindAsync(ticket.CookieValue, None);

        Assert.NotNull(step);
        Assert.Equal(("ann", PendingStepKind.SecondFactor, 0, "pwd", true, "stamp", "203.0.113.9"),
            (step.UserId, step.Step, step.CodesTried, step.Amr, step.TemporaryPassword, step.SecurityStamp, step.CreatedFrom));
        Assert.Equal(world.Time.GetUtcNow() + TimeSpan.FromMinutes(5), ticket.ExpiresAt);
        Assert.NotEqual(ticket.CookieValue, step.Key);
    }

    [Fact]
    public async Task FindAsync_AfterFiveMinutes_IsGone()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ticket = await world.PendingSteps.StartAsync(Start("ann", PendingStepKind.SecondFactor), None);

        world.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(await world.PendingSteps.FindAsync(ticket.CookieValue, None));
        Assert.Equal(CodeAttempt.StepExpired, await world.PendingSteps.TryCountCodeAsync(ticket.CookieValue, None));
    }

    [Fact]
    public async Task FindAsync_EnrollAfterFiveMinutes_LivesFifteen()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ticket = await world.PendingSteps.StartAsync(Start("ann", PendingStepKind.Enroll), None);

        world.Time.Advance(TimeSpan.FromMinutes(14));
        var later = await world.PendingSteps.FindAsync(ticket.CookieValue, None);
        world.Time.Advance(TimeSpan.FromMinutes(1));
        var after = await world.PendingSteps.FindAsync(ticket.CookieValue, None);

        Assert.NotNull(later);
        Assert.Null(after);
    }

    [Fact]
    public async Task TryCountCodeAsync_ThreeCodes_ThenTheStepEnds()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ticket = await world.PendingSteps.StartAsync(Start("ann", PendingStepKind.SecondFactor), None);

        var attempts = new List<CodeAttempt>();
        for (var i = 0; i < 4; i++)
        {
            attempts.Add(await world.PendingSteps.TryCountCodeAsync(ticket.CookieValue, None));
        }

        Assert.Equal([CodeAttempt.Allowed, CodeAttempt.Allowed, CodeAttempt.Allowed, CodeAttempt.StepExpired], attempts);
        Assert.Null(await world.PendingSteps.FindAsync(ticket.CookieValue, None));
    }

    [Fact]
    public async Task TryCountCodeAsync_TwentyAtOnce_ExactlyThreeAllowed()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ticket = await world.PendingSteps.StartAsync(Start("ann", PendingStepKind.SecondFactor), None);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => world.PendingSteps.TryCountCodeAsync(ticket.CookieValue, None))));

        Assert.Equal(PendingStepStore.MaxCodesPerStep, attempts.Count(a => a == CodeAttempt.Allowed));
        Assert.Equal(CodeAttempt.StepExpired, await world.PendingSteps.TryCountCodeAsync(ticket.CookieValue, None));
    }

    [Fact]
    public async Task FinishAsync_TenAtOnce_ExactlyOneFinishes()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ticket = await world.PendingSteps.StartAsync(Start("ann", PendingStepKind.SecondFactor), None);

        var finished = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => world.PendingSteps.FinishAsync(ticket.CookieValue, None))));

        Assert.Single(finished, s => s is not null);
        Assert.Null(await world.PendingSteps.FindAsync(ticket.CookieValue, None));
    }

    [Fact]
    public async Task FinishAsync_WhileCodesAreCounted_StillFinishesOnce()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ticket = await world.PendingSteps.StartAsync(Start("ann", PendingStepKind.SecondFactor), None);

        var counting = Task.Run(() => world.PendingSteps.TryCountCodeAsync(ticket.CookieValue, None));
        var finished = await world.PendingSteps.FinishAsync(ticket.CookieValue, None);
        await counting;

        Assert.Equal("ann", finished?.UserId);
        Assert.Null(await world.PendingSteps.FinishAsync(ticket.CookieValue, None));
    }

    [Fact]
    public async Task FindAsync_OnePersonsCookie_NamesOnlyThatPersonsStep()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ann = await world.PendingSteps.StartAsync(Start("ann", PendingStepKind.SecondFactor), None);
        var bob = await world.PendingSteps.StartAsync(Start("bob", PendingStepKind.SecondFactor), None);

        Assert.Equal("ann", (await world.PendingSteps.FindAsync(ann.CookieValue, None))?.UserId);
        Assert.Equal("bob", (await world.PendingSteps.FindAsync(bob.CookieValue, None))?.UserId);
        Assert.Null(await world.PendingSteps.FindAsync(ann.CookieValue + "x", None));
    }

    [Fact]
    public async Task DeleteAsync_SignOut_EndsTheStep()
    {
        var world = await SecondFactorWorld.CreateAsync();
        var ticket = await world.PendingSteps.StartAsync(Start("ann", PendingStepKind.ChangePassword), None);

        await world.PendingSteps.DeleteAsync(ticket.CookieValue, None);

        Assert.Null(await world.PendingSteps.FindAsync(ticket.CookieValue, None));
    }

    [Fact]
    public async Task DeleteExpiredAsync_RemovesOnlyExpired()
    {
        var world = await SecondFactorWorld.CreateAsync();
        await world.PendingSteps.StartAsync(Start("ann", PendingStepKind.SecondFactor), None);
        var enroll = await world.PendingSteps.StartAsync(Start("bob", PendingStepKind.Enroll), None);
        world.Time.Advance(TimeSpan.FromMinutes(6));

        var deleted = await world.PendingSteps.DeleteExpiredAsync(None);

        Assert.Equal(1, deleted);
        Assert.NotNull(await world.PendingSteps.FindAsync(enroll.CookieValue, None));
    }

    private static PendingStepStart Start(string userId, PendingStepKind step) =>
        new(userId, step, "pwd", TemporaryPassword: true, SecurityStamp: "stamp", CreatedFrom: "203.0.113.9");
}
