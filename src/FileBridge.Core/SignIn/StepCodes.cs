using FileBridge.Core.Login;
using FileBridge.Core.PendingSteps;
using FileBridge.Core.SecondFactor;
using FileBridge.Core.Sessions;

namespace FileBridge.Core.SignIn;

/// <summary>
/// A code (authenticator or recovery) sent to a <c>second-factor</c> step. Counted twice before it is looked at:
/// against the step (at most <see cref="PendingStepStore.MaxCodesPerStep"/>, then the step ends) and against the
/// person's lockout budget (like a password). A right code uses itself up (<c>TotpLastStep</c>, or the recovery
/// code's removal, both ETag-guarded) and then finishes the step once.
/// </summary>
public sealed class StepCodes(PendingStepStore steps, BudgetedCheck checks, TotpFactor totp, RecoveryCodeService recoveryCodes, SignInFlow flow)
{
    public async Task<CodeStepResult> SubmitAsync(string? cookie, PendingStep step, string method, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (await steps.TryCountCodeAsync(cookie, cancellationToken) == CodeAttempt.StepExpired)
        {
            return CodeStepResult.Expired;
        }

        var budget = new LoginBudget(step.UserId, step.DeviceId);
        var check = await checks.RunAsync(budget, ct => method == SecondFactorMethods.Totp
            ? totp.VerifyAsync(step.UserId, code, ct)
            : recoveryCodes.UseAsync(step.UserId, code, ct), cancellationToken);
        if (check is not CheckOutcome.Accepted)
        {
            return new CodeStepResult(check, null);
        }

        if (await steps.FinishAsync(cookie, cancellationToken) is not { } finished)
        {
            return CodeStepResult.Expired;
        }

        var amr = method == SecondFactorMethods.Totp ? SessionAmr.PasswordAndCode : SessionAmr.PasswordAndRecoveryCode;
        // The row counted this code too: the others it counted were wrong.
        var failures = Math.Max(0, finished.CodesTried - 1);
        return new CodeStepResult(check, await flow.AfterStepAsync(new StepCompletion(finished, amr, failures), cancellationToken));
    }
}
