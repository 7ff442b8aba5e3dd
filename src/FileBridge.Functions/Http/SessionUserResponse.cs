using FileBridge.Core.Sessions;

namespace FileBridge.Functions.Http;

/// <summary>The body of login and me: <c>{"user":{"id","displayName"},"expiresAt"}</c>.</summary>
public sealed record SessionUserResponse(SessionUserResponse.UserSummary User, DateTimeOffset ExpiresAt)
{
    public static SessionUserResponse From(AuthenticatedUser user) => new(new UserSummary(user.Id, user.DisplayName), user.ExpiresAt);

    public sealed record UserSummary(string Id, string DisplayName);
}
