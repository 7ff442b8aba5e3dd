using Azure;
using FileBridge.Core.Groups;
using FileBridge.Core.Sessions;
using FileBridge.Core.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Groups;

/// <summary>Group grants reach a signed-in person's next request after the window, without ending the session.</summary>
public sealed class GroupGrantsSessionTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemorySessionStore _sessions = new();
    private readonly MemoryGroupStore _groups = new();
    private readonly SingleUserStore _users = new(SingleUserStore.NewAccount() with { SecurityStamp = "stamp", Groups = ["ops", "gone"] });

    [Fact]
    public async Task Authenticate_MemberOfGroups_CarriesEachExistingGroupsGrants()
    {
        _groups.Put("ops", "logs/");
        var service = Service();
        var token = (await service.StartAsync(_users.Account, CancellationToken.None)).Token;

        var user = await service.AuthenticateAsync(token, CancellationToken.None);

        var only = Assert.Single(user!.GroupGrants);
        Assert.Equal("group:ops", only.From);
        Assert.Equal(["logs/"], only.Entries);
    }

    [Fact]
    public async Task Authenticate_GroupGrantChanged_SeenAfterTheWindowAndTheSessionLives()
    {
        _groups.Put("ops", "logs/");
        var service = Service();
        var token = (await service.StartAsync(_users.Account, CancellationToken.None)).Token;
        await service.AuthenticateAsync(token, CancellationToken.None);

        _groups.Put("ops", "builds/");
        var within = await service.AuthenticateAsync(token, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        var after = await service.AuthenticateAsync(token, CancellationToken.None);

        Assert.Equal(["logs/"], within!.GroupGrants[0].Entries);
        Assert.Equal(["builds/"], after!.GroupGrants[0].Entries);
    }

    [Fact]
    public async Task Authenticate_WithinTheWindow_ReadsEachGroupOnce()
    {
        _groups.Put("ops", "logs/");
        var service = Service();
        var token = (await service.StartAsync(_users.Account, CancellationToken.None)).Token;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => service.AuthenticateAsync(token, CancellationToken.None)));

        Assert.Equal(2, _groups.Finds);
    }

    private SessionService Service()
    {
        var options = Options.Create(new SessionsOptions());
        return new SessionService(
            _sessions, new InMemorySessionIndex(), _users, new SessionCheckCache(options, _time), options, _time, NullLogger<SessionService>.Instance, new GroupGrantsReader(_groups));
    }

    private sealed class MemoryGroupStore : IGroupStore
    {
        private readonly Dictionary<string, AccessGroup> _rows = [];
        private int _finds;

        public int Finds => Volatile.Read(ref _finds);

        public void Put(string id, params string[] prefixes)
        {
            lock (_rows)
            {
                _rows[id] = new AccessGroup(id, id, prefixes, new ETag(Guid.NewGuid().ToString()));
            }
        }

        public Task<AccessGroup?> FindAsync(string groupId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _finds);
            lock (_rows)
            {
                return Task.FromResult(_rows.GetValueOrDefault(groupId));
            }
        }

        public Task<IReadOnlyList<AccessGroup>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AddAsync(AccessGroup group, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryUpdateAsync(AccessGroup group, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryDeleteAsync(AccessGroup group, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
