namespace FileBridge.Core.Aws;

/// <summary>Where keyless mode gets the OpenID Connect token it presents to AssumeRoleWithWebIdentity.</summary>
public interface IWebIdentityTokenSource
{
    /// <summary>Names the source in logs and readiness answers; never the token.</summary>
    string Description { get; }

    /// <summary>A token valid now. Throws <see cref="WebIdentityTokenException"/> when none can be had.</summary>
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
