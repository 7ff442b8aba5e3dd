using FileBridge.Core.Sessions;

namespace FileBridge.Core.Tests.Sessions;

public sealed class SessionLimitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    [Fact]
    public void ToRemove_UnderTheLimit_RemovesNothingLive()
    {
        var others = new[] { Entry("a", seenMinutesAgo: 5), Entry("b", seenMinutesAgo: 1) };

        var removed = SessionLimit.ToRemove(others, maxPerUser: 3, Now, Idle);

        Assert.Empty(removed);
    }

    [Fact]
    public void ToRemove_AtTheLimit_EndsTheLeastRecentlySeenToMakeRoomForTheNewOne()
    {
        var others = new[] { Entry("recent", seenMinutesAgo: 1), Entry("oldest", seenMinutesAgo: 20), Entry("middle", seenMinutesAgo: 10) };

        var removed = SessionLimit.ToRemove(others, maxPerUser: 2, Now, Idle);

        Assert.Equal(["middle", "oldest"], removed.Select(e => e.SessionId).Order());
    }

    [Fact]
    public void ToRemove_IdleOrExpiredEntries_AlwaysGoAndDoNotCount()
    {
        var expired = Entry("expired", seenMinutesAgo: 1) with { ExpiresAt = Now };
        var idle = Entry("idle", seenMinutesAgo: 30);
        var others = new[] { expired, idle, Entry("live", seenMinutesAgo: 2) };

        var removed = SessionLimit.ToRemove(others, maxPerUser: 2, Now, Idle);

        Assert.Equal(["expired", "idle"], removed.Select(e => e.SessionId));
    }

    [Fact]
    public void ToRemove_Ties_AreBrokenTheSameWayWhateverTheOrderRead()
    {
        var entries = Enumerable.Range(0, 6).Select(i => Entry($"s{i}", seenMinutesAgo: 3)).ToList();

        var forward = SessionLimit.ToRemove(entries, maxPerUser: 3, Now, Idle).Select(e => e.SessionId).Order();
        entries.Reverse();
        var backward = SessionLimit.ToRemove(entries, maxPerUser: 3, Now, Idle).Select(e => e.SessionId).Order();

        Assert.Equal(forward, backward);
        Assert.Equal(4, forward.Count());
    }

    private static SessionIndexEntry Entry(string id, int seenMinutesAgo) =>
        new(id, "hash-" + id, Now.AddHours(-1), Now.AddHours(7), Now.AddMinutes(-seenMinutesAgo), "Chrome on Linux", "192.0.2.1");
}
