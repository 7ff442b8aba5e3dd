namespace FileBridge.Core.Aws;

/// <summary>The web identity token could not be obtained. Says nothing about STS's health, so it never counts towards its breaker.</summary>
public sealed class WebIdentityTokenException : Exception
{
    public WebIdentityTokenException()
    {
    }

    public WebIdentityTokenException(string message)
        : base(message)
    {
    }

    public WebIdentityTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WebIdentityTokenException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>True when asking again soon may help (the identity endpoint was busy or unreachable).</summary>
    public bool IsTransient { get; }
}
