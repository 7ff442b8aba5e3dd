using FileBridge.Core.Login;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Login;

public sealed class LoginLockoutTests
{
    private const string Name = "ada";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLoginStateStore _store = new();
    private readonly LoginLockout _lockout;

    public LoginLockoutTests()
    {
        _lockout = new LoginLockout(Options.Create(new LoginOptions { MaxFailedAttempts = 5, LockoutDuration = TimeSpan.FromMinutes(15) }), _time);
    }

    [Fact]
    public async Task ReserveAsync_FortyAtOnce_ReservesFiveAndTheFifthLocks()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => ReserveAsync()));

        Assert.Equal(5, results.Count(r => r.Ticket is not null));
        Assert.All(results.Where(r => r.Ticket is null), r => Assert.True(r.RetryAfter > TimeSpan.Zero));
        Assert.True(_store[Name].IsLockedAt(_time.GetUtcNow()));
        Assert.Equal(5, _store[Name].PendingChecks);
    }

    [Fact]
    public async Task CompleteSuccessAsync_RightPasswordAmongParallelGuesses_FindsTheLockAndStaysOut()
    {
        var tickets = new List<LockoutTicket>();
        for (var i = 0; i < 5; i++)
        {
            tickets.Add((await ReserveAsync()).Ticket!);
        }

        // The right password is the last reservation: it locked the name itself, with four guesses still running.
        var refused = await _lockout.CompleteSuccessAsync(tickets[4], CancellationToken.None);
        foreach (var guess in tickets.Take(4))
        {
            await _lockout.RecordFailureAsync(guess, CancellationToken.None);
        }

        Assert.Equal(TimeSpan.FromMinutes(15), refused);
        Assert.True(_store[Name].IsLockedAt(_time.GetUtcNow()));
        Assert.Equal(0, _store[Name].PendingChecks);
    }

    [Fact]
    public async Task CompleteSuccessAsync_LockSetWhileChecking_DoesNotClearIt()
    {
        var success = (await ReserveAsync()).Ticket!;
        var guesses = new List<LockoutTicket>();
        for (var i = 0; i < 4; i++)
        {
            guesses.Add((await ReserveAsync()).Ticket!);
        }

        var refused = await _lockout.CompleteSuccessAsync(success, CancellationToken.None);

        Assert.NotNull(refused);
        Assert.True(_store[Name].IsLockedAt(_time.GetUtcNow()));
    }

    [Fact]
    public async Task CompleteSuccessAsync_FourTypingMistakesThenRightPassword_MayGoOnButClearsNothingUntilTheSignInCompletes()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.False(await _lockout.RecordFailureAsync((await ReserveAsync()).Ticket!, CancellationToken.None));
            _time.Advance(TimeSpan.FromSeconds(3));
        }

        var ticket = (await ReserveAsync()).Ticket!;
        var refused = await _lockout.CompleteSuccessAsync(ticket, CancellationToken.None);
        var standing = _store[Name].FailedLogins;
        await _lockout.ClearFailuresAsync(_store, Name, ticket.FailuresBefore, CancellationToken.None);

        Assert.Null(refused);
        Assert.Equal(4, standing);
        Assert.Equal(0, _store[Name].FailedLogins);
        Assert.False(_store[Name].IsLockedAt(_time.GetUtcNow()));
    }

    [Fact]
    public async Task ClearFailuresAsync_LockSetAfterTheSignInBegan_StaysAndOthersFailuresStay()
    {
        var success = (await ReserveAsync()).Ticket!;
        var guess = (await ReserveAsync()).Ticket!;
        await _lockout.RecordFailureAsync(guess, CancellationToken.None);
        await _lockout.CompleteSuccessAsync(success, CancellationToken.None);

        await _lockout.ClearFailuresAsync(_store, Name, success.FailuresBefore, CancellationToken.None);

        Assert.Equal(1, _store[Name].FailedLogins);
    }

    [Fact]
    public async Task CompleteSuccessAsync_FourScriptedGuessesThenRightPassword_FindsTheLock()
    {
        for (var i = 0; i < 4; i++)
        {
            await _lockout.RecordFailureAsync((await ReserveAsync()).Ticket!, CancellationToken.None);
            _time.Advance(TimeSpan.FromMilliseconds(300));
        }

        var last = (await ReserveAsync()).Ticket!;
        var refused = await _lockout.CompleteSuccessAsync(last, CancellationToken.None);

        Assert.True(last.LockedAtReservation);
        Assert.Equal(TimeSpan.FromMinutes(15), refused);
    }

    [Fact]
    public async Task CompleteSuccessAsync_FailureFinishedWhileChecking_StaysCounted()
    {
        var success = (await ReserveAsync()).Ticket!;
        var guess = (await ReserveAsync()).Ticket!;
        await _lockout.RecordFailureAsync(guess, CancellationToken.None);

        await _lockout.CompleteSuccessAsync(success, CancellationToken.None);

        Assert.Equal(1, _store[Name].FailedLogins);
    }

    [Fact]
    public async Task RecordFailureAsync_FifthFailure_LocksAndAnswersAsAFailure()
    {
        for (var i = 0; i < 4; i++)
        {
            await _lockout.RecordFailureAsync((await ReserveAsync()).Ticket!, CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(3));
        }

        var locked = await _lockout.RecordFailureAsync((await ReserveAsync()).Ticket!, CancellationToken.None);
        var next = await ReserveAsync();

        Assert.True(locked);
        Assert.Null(next.Ticket);
        Assert.Equal(TimeSpan.FromMinutes(15), next.RetryAfter);
    }

    [Fact]
    public async Task ReserveAsync_WindowEnded_ForgetsOldFailuresAndAbandonedReservations()
    {
        for (var i = 0; i < 3; i++)
        {
            await _lockout.RecordFailureAsync((await ReserveAsync()).Ticket!, CancellationToken.None);
        }

        _ = await ReserveAsync(); // never completed, as if its instance died
        _time.Advance(TimeSpan.FromMinutes(16));

        var ticket = (await ReserveAsync()).Ticket!;

        Assert.Equal(0, ticket.FailuresBefore);
        Assert.Equal(1, _store[Name].PendingChecks);
    }

    private async Task<(LockoutTicket? Ticket, TimeSpan RetryAfter)> ReserveAsync()
    {
        var state = await _store.ReadAsync(Name, CancellationToken.None);
        return await _lockout.ReserveAsync(_store, Name, state, CancellationToken.None);
    }
}
