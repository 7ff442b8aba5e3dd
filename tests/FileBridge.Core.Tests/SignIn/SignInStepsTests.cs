using FileBridge.Core.PendingSteps;
using FileBridge.Core.SecondFactor;
using FileBridge.Core.SignIn;

namespace FileBridge.Core.Tests.SignIn;

public sealed class SignInStepsTests
{
    private static readonly FactorSummary Totp = new(true, 0, 10);
    private static readonly FactorSummary None = FactorSummary.None;

    [Theory]
    [InlineData(SecondFactorPolicy.Required, true, false, SignInStep.SecondFactor)]
    [InlineData(SecondFactorPolicy.Optional, true, false, SignInStep.SecondFactor)]
    [InlineData(SecondFactorPolicy.Off, true, false, SignInStep.SignedIn)]
    [InlineData(SecondFactorPolicy.Optional, false, false, SignInStep.SignedIn)]
    [InlineData(SecondFactorPolicy.Off, false, true, SignInStep.ChangePassword)]
    [InlineData(SecondFactorPolicy.Required, true, true, SignInStep.SecondFactor)]
    [InlineData(SecondFactorPolicy.Required, false, true, SignInStep.ChangePassword)]
    public void Next_AfterThePassword_FollowsTheContractsOrder(SecondFactorPolicy policy, bool hasFactor, bool temporary, SignInStep expected)
    {
        var facts = Facts(policy, hasFactor ? Totp : None) with { TemporaryPassword = temporary };

        var next = SignInSteps.Next(facts);

        Assert.Equal(expected, next);
    }

    [Fact]
    public void Next_AfterTheSecondFactor_IsTheChangeOfATemporaryPassword()
    {
        var facts = Facts(SecondFactorPolicy.Required, Totp) with { Amr = "pwd+otp", TemporaryPassword = true, Finished = PendingStepKind.SecondFactor };

        Assert.Equal(SignInStep.ChangePassword, SignInSteps.Next(facts));
    }

    [Fact]
    public void Next_AfterTheChangeOfATemporaryPassword_OpensEnrolmentUnderRequired()
    {
        var facts = Facts(SecondFactorPolicy.Required, None) with { TemporaryPassword = true, Finished = PendingStepKind.ChangePassword };

        Assert.Equal(SignInStep.Enroll, SignInSteps.Next(facts));
    }

    [Theory]
    [InlineData(false, false, SignInStep.EnrollmentNeedsOperator)]
    [InlineData(true, false, SignInStep.Enroll)]
    [InlineData(false, true, SignInStep.Enroll)]
    public void Next_UnderRequiredWithoutAFactor_EnrolsOnlyWhereEnrolmentIsOpen(bool knownDevice, bool window, SignInStep expected)
    {
        var facts = Facts(SecondFactorPolicy.Required, None) with { KnownDevice = knownDevice, EnrollWindowOpen = window };

        Assert.Equal(expected, SignInSteps.Next(facts));
    }

    [Fact]
    public void Next_ForAServiceAccountUnderRequired_IsSignedInWithAPasswordAlone()
    {
        var facts = Facts(SecondFactorPolicy.Required, None) with { NoSecondFactor = true };

        Assert.Equal(SignInStep.SignedIn, SignInSteps.Next(facts));
    }

    [Fact]
    public void Next_AfterAPasskeyAlone_IsSignedIn()
    {
        var facts = Facts(SecondFactorPolicy.Required, new FactorSummary(false, 1, 10)) with { Amr = "passkey" };

        Assert.Equal(SignInStep.SignedIn, SignInSteps.Next(facts));
    }

    [Fact]
    public void Next_AfterEnrolment_IsSignedIn()
    {
        var facts = Facts(SecondFactorPolicy.Required, Totp) with { Amr = "pwd+otp", TemporaryPassword = true, Finished = PendingStepKind.Enroll };

        Assert.Equal(SignInStep.SignedIn, SignInSteps.Next(facts));
    }

    [Fact]
    public void MethodsOf_OffersThePersonsMethodsInTheContractsOrder()
    {
        var all = new FactorSummary(true, 2, 3);

        Assert.Equal(["passkey", "totp", "recovery"], SignInSteps.MethodsOf(SignInStep.SecondFactor, all));
        Assert.Equal(["passkey", "totp"], SignInSteps.MethodsOf(SignInStep.Enroll, None));
        Assert.Null(SignInSteps.MethodsOf(SignInStep.ChangePassword, all));
    }

    private static SignInFacts Facts(SecondFactorPolicy policy, FactorSummary factors) =>
        new(policy, factors, NoSecondFactor: false, Amr: "pwd", TemporaryPassword: false, KnownDevice: false, EnrollWindowOpen: false);
}
