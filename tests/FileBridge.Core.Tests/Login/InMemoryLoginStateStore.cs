using System.Collections.Concurrent;
using Azure;
using FileBridge.Core.Login;

namespace FileBridge.Core.Tests.Login;

/// <summary>Login counters in memory with real ETag semantics: a write against a stale state is refused.</summary>
internal sealed class InMemoryLoginStateStore : ILoginStateStore
{
    private readonly ConcurrentDictionary<string, LoginState> _rows = new();
    private readonly Lock _lock = new();
    private long _version;

    public int Writes { get; private set; }

    public int Conflicts { get; private set; }

    public LoginState this[string userId] => _rows.GetValueOrDefault(userId, LoginState.None);

    public Task<LoginState> ReadAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(this[userId]);

    public Task<LoginState?> TryWriteAsync(string userId, LoginState current, LoginState next, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (this[userId].ETag != current.ETag)
            {
                Conflicts++;
                return Task.FromResult<LoginState?>(null);
            }

            Writes++;
            var written = next with { ETag = new ETag((++_version).ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            _rows[userId] = written;
            return Task.FromResult<LoginState?>(written);
        }
    }
}
