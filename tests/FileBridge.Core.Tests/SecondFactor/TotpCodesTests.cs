using System.Text;
using FileBridge.Core.SecondFactor;

namespace FileBridge.Core.Tests.SecondFactor;

public sealed class TotpCodesTests
{
    // RFC 6238 appendix B: the SHA-1 seed; its 8-digit code at T=59 s is 94287082.
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_111_111_109);

    [Fact]
    public void CodeAt_RfcVector_MatchesLastSixDigits()
    {
        var code = TotpCodes.CodeAt(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(59));

        Assert.Equal("287082", code);
    }

    [Fact]
    public void MatchingStep_CurrentCode_ReturnsCurrentStep()
    {
        var code = TotpCodes.CodeAt(RfcSecret, Now);

        var step = TotpCodes.MatchingStep(RfcSecret, code, Now, lastUsedStep: 0);

        Assert.Equal(TotpCodes.StepAt(Now), step);
    }

    [Fact]
    public void MatchingStep_PreviousStepCode_ReturnsPreviousStep()
    {
        var code = TotpCodes.CodeAt(RfcSecret, Now.AddSeconds(-TotpCodes.StepSeconds));

        var step = TotpCodes.MatchingStep(RfcSecret, code, Now, lastUsedStep: 0);

        Assert.Equal(TotpCodes.StepAt(Now) - 1, step);
    }

    [Fact]
    public void MatchingStep_CodeFromTwoStepsAgo_IsRefused()
    {
        var code = TotpCodes.CodeAt(RfcSecret, Now.AddSeconds(-2 * TotpCodes.StepSeconds));

        Assert.Null(TotpCodes.MatchingStep(RfcSecret, code, Now, lastUsedStep: 0));
    }

    [Fact]
    public void MatchingStep_NextStepCode_IsRefused()
    {
        var code = TotpCodes.CodeAt(RfcSecret, Now.AddSeconds(TotpCodes.StepSeconds));

        Assert.Null(TotpCodes.MatchingStep(RfcSecret, code, Now, lastUsedStep: 0));
    }

    [Fact]
    public void MatchingStep_StepAlreadyUsed_IsRefused()
    {
        var code = TotpCodes.CodeAt(RfcSecret, Now);

        Assert.Null(TotpCodes.MatchingStep(RfcSecret, code, Now, lastUsedStep: TotpCodes.StepAt(Now)));
    }

    [Fact]
    public void MatchingStep_PreviousCodeAfterCurrentWasUsed_IsRefused()
    {
        var previous = TotpCodes.CodeAt(RfcSecret, Now.AddSeconds(-TotpCodes.StepSeconds));

        Assert.Null(TotpCodes.MatchingStep(RfcSecret, previous, Now, lastUsedStep: TotpCodes.StepAt(Now)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    public void MatchingStep_MalformedCode_IsRefused(string? code)
    {
        Assert.Null(TotpCodes.MatchingStep(RfcSecret, code, Now, lastUsedStep: 0));
    }

    [Fact]
    public void Uri_NamesIssuerUserAndParameters()
    {
        var secret = TotpCodes.NewSecret();

        var uri = new Uri(TotpCodes.Uri(secret, "ann.smith"));

        Assert.Equal("otpauth", uri.Scheme);
        Assert.Equal("totp", uri.Host);
        Assert.Equal("/FileBridge:ann.smith", Uri.UnescapeDataString(uri.AbsolutePath));
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        Assert.Equal(TotpCodes.SecretText(secret), query["secret"]);
        Assert.Equal("FileBridge", query["issuer"]);
        Assert.Equal("SHA1", query["algorithm"]);
        Assert.Equal("6", query["digits"]);
        Assert.Equal("30", query["period"]);
    }

    [Fact]
    public void NewSecret_Is160RandomBits()
    {
        var first = TotpCodes.NewSecret();
        var second = TotpCodes.NewSecret();

        Assert.Equal(20, first.Length);
        Assert.NotEqual(first, second);
    }
}
