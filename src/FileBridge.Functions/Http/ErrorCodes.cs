namespace FileBridge.Functions.Http;

/// <summary>The <c>code</c> values of problem responses, as the HTTP contract names them.</summary>
public static class ErrorCodes
{
    public const string BadRequest = "bad_request";
    public const string InvalidCredentials = "invalid_credentials";
    public const string TooManyAttempts = "too_many_attempts";
    public const string Unauthenticated = "unauthenticated";
    public const string ForbiddenOrigin = "forbidden_origin";
    public const string ForbiddenPrefix = "forbidden_prefix";
    public const string NotFound = "not_found";
    public const string UpstreamUnavailable = "upstream_unavailable";
    public const string NotReady = "not_ready";
    public const string InternalError = "internal_error";
    public const string RateLimited = "rate_limited";
    public const string Busy = "busy";

    // Signing in, v3.
    public const string StepExpired = "step_expired";
    public const string InvalidCode = "invalid_code";
    public const string EnrollmentNeedsOperator = "enrollment_needs_operator";
    public const string ReauthRequired = "reauth_required";
    public const string WeakPassword = "weak_password";
    public const string LastFactor = "last_factor";
}
