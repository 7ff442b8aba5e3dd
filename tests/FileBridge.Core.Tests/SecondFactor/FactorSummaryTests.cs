using FileBridge.Core.SecondFactor;

namespace FileBridge.Core.Tests.SecondFactor;

public sealed class FactorSummaryTests
{
    [Fact]
    public void Methods_AllFactors_InContractOrder()
    {
        Assert.Equal(["passkey", "totp", "recovery"], new FactorSummary(true, 2, 5).Methods);
    }

    [Fact]
    public void Methods_NoFactor_RecoveryCodesAloneAreNoMethod()
    {
        var summary = new FactorSummary(false, 0, 10);

        Assert.Empty(summary.Methods);
        Assert.False(summary.HasFactor);
    }

    [Fact]
    public void Methods_TotpWithoutCodesLeft_OffersTotpOnly()
    {
        Assert.Equal(["totp"], new FactorSummary(true, 0, 0).Methods);
    }
}
