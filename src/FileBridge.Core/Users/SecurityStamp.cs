using System.Security.Cryptography;

namespace FileBridge.Core.Users;

/// <summary>
/// The user's security stamp: a random value replaced whenever the password, <c>Disabled</c> or the person's factors
/// change or the user's sessions are revoked (never for grant or membership changes). A session carries the stamp it was created under, so a session
/// created by a sign-in that raced such a change is dead at its next request, whatever order the writes landed in.
/// </summary>
public static class SecurityStamp
{
    private const int StampBytes = 16;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(StampBytes));

    /// <summary>A new <see cref="UserAccount.DeviceEpoch"/>: random like a stamp, so no one can predict the next.</summary>
    public static string NewDeviceEpoch() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>
    /// True when a session created under <paramref name="sessionStamp"/> is still valid for a user whose row holds
    /// <paramref name="userStamp"/>. Rows written before stamps existed hold none; their sessions hold none either and
    /// stay valid until the row's next change gives it a stamp.
    /// </summary>
    public static bool Matches(string? sessionStamp, string? userStamp) =>
        string.IsNullOrEmpty(sessionStamp)
            ? string.IsNullOrEmpty(userStamp)
            : !string.IsNullOrEmpty(userStamp)
              && CryptographicOperations.FixedTimeEquals(
                  System.Text.Encoding.UTF8.GetBytes(sessionStamp), System.Text.Encoding.UTF8.GetBytes(userStamp));
}
