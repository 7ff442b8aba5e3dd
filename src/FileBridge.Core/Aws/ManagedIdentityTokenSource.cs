using Azure.Core;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Aws;

/// <summary>
/// Asks the app's Azure identity for a token for <c>Aws:WebIdentityAudience</c>. Azure.Identity caches the token and
/// renews it before it expires, so this is a memory read on almost every call.
/// </summary>
public sealed class ManagedIdentityTokenSource(TokenCredential credential, IOptions<AwsOptions> options) : IWebIdentityTokenSource
{
    public string Description => "managed identity";

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var audience = options.Value.WebIdentityAudience
            ?? throw new WebIdentityTokenException("Aws:WebIdentityAudience is not set.", isTransient: false);
        try
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext([ScopeFor(audience)]), cancellationToken);
            return token.Token;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new WebIdentityTokenException("The managed identity gave no token for Aws:WebIdentityAudience.", WebIdentityTokenFaults.IsTransient(e, cancellationToken), e);
        }
    }

    /// <summary>Entra ID issues tokens for scopes; a resource's default scope is its identifier plus "/.default".</summary>
    public static string ScopeFor(string audience) =>
        audience.EndsWith("/.default", StringComparison.Ordinal) ? audience : audience.TrimEnd('/') + "/.default";
}
