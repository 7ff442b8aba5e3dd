using FileBridge.Admin.Input;

namespace FileBridge.Admin.Tests.Input;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("             ")]
    [InlineData("eight ch\u0007")]
    public void Check_UnacceptablePassword_ReturnsReason(string? password)
    {
        var reason = PasswordRules.Check(password);

        Assert.NotNull(reason);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("correct horse battery staple")]
    public void Check_PrintableInput_IsLeftToThePolicy(string password)
    {
        var reason = PasswordRules.Check(password);

        Assert.Null(reason);
    }

    [Fact]
    public void Check_OverMaximumLength_ReturnsReason()
    {
        var password = new string('x', PasswordRules.MaximumLength + 1);

        var reason = PasswordRules.Check(password);

        Assert.Contains("too long", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLine_LineWithCarriageReturn_ReturnsLineWithoutTerminator()
    {
        using var input = new StringReader("correct horse battery staple\r\nsecond line\n");

        var password = PasswordReader.ReadLine(input);

        Assert.Equal("correct horse battery staple", password);
    }
}
