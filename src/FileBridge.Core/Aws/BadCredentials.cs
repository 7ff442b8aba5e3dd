using Amazon.Runtime;

namespace FileBridge.Core.Aws;

/// <summary>
/// The AWS answers that say the credentials themselves are bad, the only reason to throw cached credentials away.
/// A refusal of one object or prefix (<c>AccessDenied</c>, a HEAD's bare 403) says nothing about the credentials:
/// treating it as bad credentials would let anyone drive an AssumeRole call per request.
/// </summary>
public static class BadCredentials
{
    private static readonly HashSet<string> TokenCodes = new(StringComparer.Ordinal)
    {
        "ExpiredToken",
        "InvalidToken",
        "InvalidAccessKeyId",
        "InvalidClientTokenId",
        "TokenRefreshRequired",
    };

    /// <param name="error">What S3 answered.</param>
    /// <param name="credentialsHaveWorked">
    /// True when the same credentials succeeded before. Only then does <c>SignatureDoesNotMatch</c> mean they went
    /// bad; from the first call it means a clock or endpoint problem that new credentials would not fix.
    /// </param>
    public static bool Indicate(AmazonServiceException error, bool credentialsHaveWorked)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.ErrorCode is { } code
            && (TokenCodes.Contains(code) || (credentialsHaveWorked && code == "SignatureDoesNotMatch"));
    }
}
