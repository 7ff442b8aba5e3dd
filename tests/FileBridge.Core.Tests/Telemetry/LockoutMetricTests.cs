using System.Diagnostics.Metrics;
using FileBridge.Core.Login;
using FileBridge.Core.Telemetry;
using FileBridge.Core.Tests.Login;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Telemetry;

/// <summary>
/// <c>filebridge.lockouts</c>, the spraying alert's input: one measurement per budget that gets locked, however many
/// guesses arrive at once, tagged with the kind of budget and never with the name. The listener hears only this
/// test's own meter (its own <see cref="IMeterFactory"/>), so tests running beside it cannot add to its counts.
/// </summary>
public sealed class LockoutMetricTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLoginStateStore _store = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(long Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly LoginLockout _lockout;

    public LockoutMetricTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "filebridge.lockouts" && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (_measurements)
            {
                _measurements.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        _listener.Start();
        _lockout = new LoginLockout(
            Options.Create(new LoginOptions { MaxFailedAttempts = 5, LockoutDuration = TimeSpan.FromMinutes(15) }),
            _time,
            new FileBridgeMetrics(factory));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task ReserveAsync_FortyGuessesAtOnce_CountsOneLock()
    {
        var tickets = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => ReserveAsync("ada")));
        foreach (var ticket in tickets.Where(t => t is not null))
        {
            await _lockout.RecordFailureAsync(ticket!, CancellationToken.None);
        }

        var measurement = Assert.Single(_measurements);
        Assert.Equal(1, measurement.Value);
        Assert.Equal("account", measurement.Tags["budget"]);
    }

    [Fact]
    public async Task RecordFailureAsync_FiveSlowFailures_CountsOneLockAtTheFifth()
    {
        for (var i = 0; i < 4; i++)
        {
            await _lockout.RecordFailureAsync((await ReserveAsync("ada"))!, CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Empty(_measurements);
        Assert.True(await _lockout.RecordFailureAsync((await ReserveAsync("ada"))!, CancellationToken.None));
        Assert.Single(_measurements);
    }

    [Fact]
    public async Task RecordFailureAsync_ManyNamesSprayed_CountsEachNameOnceAndNamesNone()
    {
        var names = Enumerable.Range(0, 12).Select(i => $"sprayed-{i}").ToList();

        await Task.WhenAll(names.Select(async name =>
        {
            for (var guess = 0; guess < 8; guess++)
            {
                if (await ReserveAsync(name) is { } ticket)
                {
                    await _lockout.RecordFailureAsync(ticket, CancellationToken.None);
                }
            }
        }));

        Assert.Equal(names.Count, _measurements.Sum(m => m.Value));
        Assert.All(_measurements, m => Assert.Equal(["budget"], m.Tags.Keys));
        Assert.DoesNotContain(_measurements, m => m.Tags.Values.Any(v => v is string text && text.Contains("sprayed", StringComparison.Ordinal)));
    }

    private async Task<LockoutTicket?> ReserveAsync(string name)
    {
        var state = await _store.ReadAsync(name, CancellationToken.None);
        return (await _lockout.ReserveAsync(_store, name, state, CancellationToken.None)).Ticket;
    }
}
