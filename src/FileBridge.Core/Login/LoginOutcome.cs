using FileBridge.Core.Sessions;
using FileBridge.Core.Users;

namespace FileBridge.Core.Login;

/// <summary>What a sign-in attempt came to.</summary>
public abstract record LoginOutcome
{
    private LoginOutcome()
    {
    }

    /// <param name="DeviceCookie">
    /// The <c>__Host-fb_device</c> value to set (with <paramref name="DeviceCookieExpiresAt"/>): this browser is now a
    /// known one of the person; null when no device cookies are issued.
    /// </param>
    public sealed record SignedIn(StartedSession Session, string? DeviceCookie = null, DateTimeOffset? DeviceCookieExpiresAt = null) : LoginOutcome;

    /// <summary>
    /// The password was right and nothing was locked; nothing is cleared and no session exists yet. The steps that
    /// follow (second factor, a change of a temporary password, enrolment) end with
    /// <see cref="LoginService.CompleteSignInAsync"/>, which clears the budget's failures and starts the session.
    /// </summary>
    /// <param name="Budget">Where this sign-in's failures count: its steps' failures count there too.</param>
    /// <param name="FailuresBefore">The budget's failures when the check was reserved: what completing clears.</param>
    public sealed record PasswordAccepted(UserAccount User, LoginBudget Budget, int FailuresBefore) : LoginOutcome;

    /// <summary>Unknown user, wrong password or disabled account: deliberately indistinguishable.</summary>
    /// <param name="LockedNow">This failure used up the name's checks and locked it (audited as <c>locked-out</c>).</param>
    /// <param name="AccountId">The account's id; null when the name is no account (it may be a mistyped password).</param>
    public sealed record InvalidCredentials(bool LockedNow = false, string? AccountId = null) : LoginOutcome;

    /// <summary>The name is locked, or its checks for this window are taken: 429 <c>too_many_attempts</c>.</summary>
    /// <param name="AccountId">As for <see cref="InvalidCredentials"/>.</param>
    public sealed record LockedOut(TimeSpan RetryAfter, string? AccountId = null) : LoginOutcome;

    /// <summary>Too many sign-ins for this name lately: 429 <c>rate_limited</c>.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : LoginOutcome;

    /// <summary>Every password check of this instance is taken: 503 <c>busy</c>; nothing was checked.</summary>
    public sealed record Busy(TimeSpan RetryAfter) : LoginOutcome;
}
