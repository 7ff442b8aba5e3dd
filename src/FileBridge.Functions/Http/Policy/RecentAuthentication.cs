using FileBridge.Core.SecondFactor;
using FileBridge.Core.Sessions;

namespace FileBridge.Functions.Http.Policy;

/// <summary>Whether a session proved who its person is within <c>Login:RecentAuthWindow</c> (a sign-in or a re-authentication).</summary>
public static class RecentAuthentication
{
    public static bool IsRecent(AuthenticatedUser user, SecondFactorOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        return time.GetUtcNow() - user.AuthenticatedAt <= options.RecentAuthWindow;
    }
}
