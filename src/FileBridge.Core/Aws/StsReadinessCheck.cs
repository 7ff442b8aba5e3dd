using FileBridge.Core.Files;
using FileBridge.Core.Health;

namespace FileBridge.Core.Aws;

/// <summary>
/// "sts" readiness: the broker can still assume the role of every location (each distinct role once). GetCallerIdentity would be cheaper but the local
/// endpoint does not implement it, and AssumeRole also proves the trust policy. The answer is kept for
/// <see cref="CacheFor"/> so frequent probes do not become STS traffic.
/// </summary>
public sealed class StsReadinessCheck(StsRoleAssumer assumer, FileLocations locations, TimeProvider timeProvider) : IReadinessCheck
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ProbeSessionDuration = TimeSpan.FromMinutes(15);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (DateTimeOffset Until, bool Ready) last;

    public string Name => "sts";

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (timeProvider.GetUtcNow() < last.Until)
        {
            return last.Ready;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (now < last.Until)
            {
                return last.Ready;
            }

            bool ready;
            try
            {
                foreach (var roleArn in locations.All.Select(l => l.RoleArn).Distinct(StringComparer.Ordinal))
                {
                    await assumer.AssumeAsync(RoleSessionNames.ReadinessProbeName, null, ProbeSessionDuration, cancellationToken, roleArn);
                }

                ready = true;
            }
            catch (UpstreamUnavailableException)
            {
                ready = false;
            }

            last = (timeProvider.GetUtcNow() + CacheFor, ready);
            return ready;
        }
        finally
        {
            gate.Release();
        }
    }
}
