using Microsoft.Extensions.Options;

namespace FileBridge.Core.Aws;

/// <summary>
/// Reads the token from <c>Aws:WebIdentityTokenFile</c> on every call, as the AWS SDKs do: whoever writes the file
/// (a platform agent, the local test issuer) refreshes it, and a cached copy would outlive it.
/// </summary>
public sealed class WebIdentityTokenFileSource(IOptions<AwsOptions> options) : IWebIdentityTokenSource
{
    public string Description => "token file";

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.WebIdentityTokenFile
            ?? throw new WebIdentityTokenException("Aws:WebIdentityTokenFile is not set.", isTransient: false);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WebIdentityTokenException("The web identity token file cannot be read.", WebIdentityTokenFaults.IsTransient(e, cancellationToken), e);
        }

        var token = text.Trim();
        return token.Length > 0
            ? token
            : throw new WebIdentityTokenException("The web identity token file is empty.", isTransient: false);
    }
}
