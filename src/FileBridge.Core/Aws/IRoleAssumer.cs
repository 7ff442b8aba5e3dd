namespace FileBridge.Core.Aws;

/// <summary>One AssumeRole call, resilience included. Throws <see cref="UpstreamUnavailableException"/> when it fails.</summary>
public interface IRoleAssumer
{
    Task<RoleCredentials> AssumeAsync(RoleRequest request, CancellationToken cancellationToken);
}
