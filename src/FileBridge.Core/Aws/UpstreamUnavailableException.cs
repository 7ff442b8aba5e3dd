namespace FileBridge.Core.Aws;

/// <summary>AWS could not give an answer we can use: transient after retries, breaker open, timed out, or refused the broker.</summary>
public sealed class UpstreamUnavailableException : Exception
{
    public UpstreamUnavailableException()
    {
    }

    public UpstreamUnavailableException(string message)
        : base(message)
    {
    }

    public UpstreamUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UpstreamUnavailableException(string message, TimeSpan retryAfter, bool isPermanent, Exception? innerException = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter;
        IsPermanent = isPermanent;
    }

    /// <summary>When asking again may help; sent to clients as <c>Retry-After</c>.</summary>
    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(5);

    /// <summary>True when AWS refused on purpose (configuration problem), false for an outage.</summary>
    public bool IsPermanent { get; }
}
