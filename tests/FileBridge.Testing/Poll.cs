using System.Diagnostics;

namespace FileBridge.Testing;

/// <summary>Waits for something another thread or process does, in short steps up to a generous deadline, instead of sleeping a fixed time.</summary>
public static class Poll
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    /// <summary>Returns as soon as <paramref name="condition"/> holds; fails the test when it still does not after <paramref name="timeout"/> (default 20 s).</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(20)))
            {
                throw new TimeoutException($"Gave up waiting after {deadline.Elapsed}: {what}");
            }

            await Task.Delay(Step);
        }
    }

    /// <summary>As <see cref="UntilAsync(Func{bool}, string, TimeSpan?)"/>, for a condition that needs a request to find out.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            (value as IDisposable)?.Dispose();

            if (deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(20)))
            {
                throw new TimeoutException($"Gave up waiting after {deadline.Elapsed}: {what}");
            }

            await Task.Delay(Step);
        }
    }
}
