using FileBridge.Core.Aws;

namespace FileBridge.Core.Tests.Aws;

/// <summary>An <see cref="IRoleAssumer"/> that counts calls and answers from a script, optionally held at a gate.</summary>
public sealed class CountingRoleAssumer(TimeProvider time, TimeSpan lifetime) : IRoleAssumer
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Every request, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<RoleRequest> Requests { get; } = new();

    /// <summary>When set, calls wait for it before answering (to line up concurrent callers).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, the next calls throw this instead of answering.</summary>
    public Exception? Failure { get; set; }

    public async Task<RoleCredentials> AssumeAsync(RoleRequest request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        Requests.Enqueue(request);
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        return new RoleCredentials($"ASIA{call:D16}", "secret", "token", time.GetUtcNow() + lifetime);
    }
}
