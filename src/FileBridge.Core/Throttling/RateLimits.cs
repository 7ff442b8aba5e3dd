using Microsoft.Extensions.Options;

namespace FileBridge.Core.Throttling;

/// <summary>This instance's request limits, from the <c>Throttle</c> settings.</summary>
public sealed class RateLimits : IDisposable
{
    public RateLimits(IOptions<ThrottleOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        var signIns = TokenBucket.Rate(settings.LoginPerClientPerMinute, TimeSpan.FromMinutes(1), settings.LoginPerClientPerMinute);
        SignInsPerClient = new KeyedRateLimiter(signIns, time);
        // Names, existing or not, get the same budget as an address: the lockout is what bounds guesses.
        SignInsPerName = new KeyedRateLimiter(signIns, time);
        Requests = new KeyedRateLimiter(TokenBucket.Rate(settings.RequestsPerSecond, TimeSpan.FromSeconds(1), settings.Burst), time);
    }

    /// <summary><c>POST /api/auth/login</c> per client address.</summary>
    public KeyedRateLimiter SignInsPerClient { get; }

    /// <summary><c>POST /api/auth/login</c> per normalized user name.</summary>
    public KeyedRateLimiter SignInsPerName { get; }

    /// <summary>Every other route: per signed-in user, or per client address when anonymous.</summary>
    public KeyedRateLimiter Requests { get; }

    public void Dispose()
    {
        SignInsPerClient.Dispose();
        SignInsPerName.Dispose();
        Requests.Dispose();
    }
}
