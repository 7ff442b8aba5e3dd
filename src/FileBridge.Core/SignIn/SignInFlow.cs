using FileBridge.Core.Login;
using FileBridge.Core.PendingSteps;
using FileBridge.Core.SecondFactor;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.SignIn;

/// <summary>
/// Moves a sign-in along <see cref="SignInSteps"/>: after an accepted password or a finished step it either starts
/// the next pending step (a server-side row named by the <c>__Host-fb_pending</c> cookie) or completes the sign-in
/// (clears the budget's failures, starts the session, issues the device cookie). A step whose account changed since
/// it began (a reset replaced the security stamp, or the account was disabled) ends as expired.
/// </summary>
public sealed class SignInFlow(
    LoginService login,
    PendingStepStore steps,
    FactorSummaryReader factors,
    IUserStore users,
    IOptions<SecondFactorOptions> options,
    TimeProvider time)
{
    /// <summary>The password was right and nothing is locked.</summary>
    public async Task<SignInProgress> AfterPasswordAsync(LoginOutcome.PasswordAccepted accepted, string? createdFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var user = accepted.User;
        var carried = new Carried(SessionAmr.Password, user.IsPasswordTemporary, accepted.Budget.DeviceId, accepted.FailuresBefore, null, null);
        return await NextAsync(user, carried, createdFrom, cancellationToken);
    }

    /// <summary>
    /// A passkey with user verification signed in without a password: both factors at once, so no second step; a
    /// temporary password was not used. Counted in <paramref name="budget"/> only to clear nothing and keep the browser known.
    /// </summary>
    public async Task<SignInProgress> AfterPasskeyAsync(UserAccount user, LoginBudget budget, string? createdFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(budget);
        var carried = new Carried(SessionAmr.Passkey, false, budget.DeviceId, 0, null, null);
        return await NextAsync(user, carried, createdFrom, cancellationToken);
    }

    /// <summary>A step was finished by this caller (<see cref="PendingStepStore.FinishAsync"/>).</summary>
    public async Task<SignInProgress> AfterStepAsync(StepCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var step = completion.Step;
        if (await CurrentUserAsync(step, cancellationToken) is not { } user)
        {
            return new SignInProgress.StepExpired();
        }

        var carried = new Carried(
            completion.Amr, step.TemporaryPassword, step.DeviceId, step.Failures + completion.StepFailures, step.Step, completion.RecoveryCodes);
        return await NextAsync(user, carried, step.CreatedFrom, cancellationToken);
    }

    /// <summary>The account as it is now, if the step still belongs to it: same security stamp, not disabled.</summary>
    public async Task<UserAccount?> CurrentUserAsync(PendingStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var user = await users.FindAsync(step.UserId, cancellationToken);
        return user is null || user.Disabled || !SecurityStamp.Matches(step.SecurityStamp, user.SecurityStamp) ? null : user;
    }

    private async Task<SignInProgress> NextAsync(UserAccount user, Carried carried, string? createdFrom, CancellationToken cancellationToken)
    {
        var policy = options.Value.SecondFactor;
        var summary = policy == SecondFactorPolicy.Off ? FactorSummary.None : await factors.ReadAsync(user.Id, cancellationToken);
        var next = SignInSteps.Next(new SignInFacts(
            policy,
            summary,
            user.NoSecondFactor,
            carried.Amr,
            carried.TemporaryPassword,
            carried.DeviceId is not null,
            options.Value.EnrollWithPasswordUntilUtc() is { } until && time.GetUtcNow() < until,
            carried.Finished));
        switch (next)
        {
            case SignInStep.SignedIn:
                var accepted = new LoginOutcome.PasswordAccepted(user, new LoginBudget(user.Id, carried.DeviceId), 0);
                var signedIn = await login.CompleteSignInAsync(accepted, carried.Failures, carried.Amr, cancellationToken);
                return new SignInProgress.SignedIn(signedIn, carried.RecoveryCodes);
            case SignInStep.EnrollmentNeedsOperator:
                return new SignInProgress.NeedsOperator(user.Id);
            default:
                var kind = SignInSteps.KindOf(next);
                var ticket = await steps.StartAsync(
                    new PendingStepStart(user.Id, kind, carried.Amr, carried.TemporaryPassword, user.SecurityStamp, createdFrom, carried.DeviceId, carried.Failures),
                    cancellationToken);
                return new SignInProgress.Pending(kind, ticket, SignInSteps.MethodsOf(next, summary), user.Id);
        }
    }

    // Recovery codes made in an earlier step would be lost by a later one: a first factor is only made in the
    // last step (enrol), so they travel no further than this.
    private sealed record Carried(
        string Amr, bool TemporaryPassword, string? DeviceId, int Failures, PendingStepKind? Finished, IReadOnlyList<string>? RecoveryCodes);
}
