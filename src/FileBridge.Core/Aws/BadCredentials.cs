using Amazon.Runtime;

namespace FileBridge.Core.Aws;

/// <summary>
/// The AWS answers that say the credentials themselves are bad, the only reason to throw cached credentials away.
/// A refusal of one object or prefix (<c>AccessDenied</c>, a HEAD's bare 403) says nothing about the credentials:
/// treating it as bad credentials would let anyone drive an AssumeRole call per request.
/// </summary>
public static class BadCredentials
{
    /// <summary>
    /// Signed with credentials S3 rejects. Only from credentials that worked before does this mean they went bad;
    /// on the first call it means a clock or endpoint problem that new credentials would not fix.
    /// </summary>
    public const string SignatureMismatch = "SignatureDoesNotMatch";

    /// <summary>Every error code that says the token or key is bad; the one list all S3 and readiness calls share.</summary>
    public static IReadOnlySet<string> ErrorCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ExpiredToken",
        "InvalidToken",
        "InvalidAccessKeyId",
        "InvalidClientTokenId",
        "TokenRefreshRequired",
        SignatureMismatch,
    };

    /// <param name="error">What S3 answered.</param>
    /// <param name="credentialsHaveWorked">True when the same credentials succeeded before (see <see cref="SignatureMismatch"/>).</param>
    public static bool Indicate(AmazonServiceException error, bool credentialsHaveWorked)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.ErrorCode is { } code
            && ErrorCodes.Contains(code)
            && (code != SignatureMismatch || credentialsHaveWorked);
    }
}
