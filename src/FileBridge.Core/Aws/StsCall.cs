using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace FileBridge.Core.Aws;

/// <summary>One attempt of the STS call for a session: AssumeRole, or AssumeRoleWithWebIdentity when a token is given.</summary>
internal sealed record StsCall(IAmazonSecurityTokenService Sts, string RoleArn, string SessionName, int DurationSeconds, string? Policy)
{
    public async Task<Credentials> SendAsync(string? webIdentityToken, CancellationToken cancellationToken)
    {
        if (webIdentityToken is null)
        {
            var response = await Sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = RoleArn,
                RoleSessionName = SessionName,
                DurationSeconds = DurationSeconds,
                Policy = Policy,
            }, cancellationToken);
            return response.Credentials;
        }

        var withToken = await Sts.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest
        {
            RoleArn = RoleArn,
            RoleSessionName = SessionName,
            DurationSeconds = DurationSeconds,
            Policy = Policy,
            WebIdentityToken = webIdentityToken,
        }, cancellationToken);
        return withToken.Credentials;
    }
}
