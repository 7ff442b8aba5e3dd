using System.Text.Json.Serialization;
using FileBridge.Core.Sessions;
using FileBridge.Functions.Http;

namespace FileBridge.Functions.Auth;

/// <summary>200 of a completed sign-in: <c>{"user","expiresAt"}</c>, and <c>"recoveryCodes"</c> when they were just made (shown once).</summary>
public sealed record SignedInResponse(
    SessionUserResponse.UserSummary User,
    DateTimeOffset ExpiresAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? RecoveryCodes = null)
{
    public static SignedInResponse From(AuthenticatedUser user, IReadOnlyList<string>? recoveryCodes) =>
        new(new SessionUserResponse.UserSummary(user.Id, user.DisplayName), user.ExpiresAt, recoveryCodes);
}

/// <summary>202 of a sign-in with a step left: <c>{"next","methods","expiresAt"}</c> (no <c>methods</c> for <c>change-password</c>).</summary>
public sealed record PendingStepResponse(
    string Next,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Methods,
    DateTimeOffset ExpiresAt);
