namespace FileBridge.Core.SignIn;

/// <summary>
/// What a code sent to a pending step came to: <see cref="Check"/> says whether it was right (or the budget is
/// locked); when it was, <see cref="Next"/> is where the sign-in goes. <see cref="Expired"/>: the step is gone or
/// has taken its codes.
/// </summary>
public sealed record CodeStepResult(CheckOutcome? Check, SignInProgress? Next)
{
    public static readonly CodeStepResult Expired = new(null, new SignInProgress.StepExpired());
}
