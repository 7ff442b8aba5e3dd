namespace FileBridge.Core.PendingSteps;

/// <summary>The names the API's <c>next</c> field uses.</summary>
public static class PendingStepNames
{
    public static string Of(PendingStepKind kind) => kind switch
    {
        PendingStepKind.SecondFactor => "second-factor",
        PendingStepKind.ChangePassword => "change-password",
        PendingStepKind.Enroll => "enroll",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
