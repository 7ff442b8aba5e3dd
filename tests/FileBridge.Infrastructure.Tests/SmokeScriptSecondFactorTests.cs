namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// scripts/smoke.sh under Login:SecondFactor=Required (README.md, "Operating FileBridge"): a 202 counts as "password
/// accepted", and a code on the second line of standard input finishes the second-factor step. Run against a
/// stand-in that answers as "Signing in, v3" says; the DevHost-backed smoke test covers the 200 path.
/// </summary>
public sealed class SmokeScriptSecondFactorTests
{
    private const string Password = "correct horse battery staple";
    private const string Code = "492817";

    [Fact]
    public void CodeOnTheSecondLine_FinishesTheSecondFactor_AndEveryCheckPasses()
    {
        using var server = new FileBridgeStandIn(Password, Code, "second-factor");

        var (exitCode, output, error) = Smoke(server, $"{Password}\n{Code}\n");

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("PASS password: accepted (202, next: second-factor)", output, StringComparison.Ordinal);
        Assert.Contains("PASS sign-in: signed in as smoker with a second factor (totp)", output, StringComparison.Ordinal);
        Assert.Contains("PASS download:", output, StringComparison.Ordinal);
        Assert.Contains("POST /api/auth/second-factor ['code', 'method']", server.Requests);
        Assert.DoesNotContain(Password, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain(Code, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCode_IsAFailThatSaysWhereTheCodeGoes()
    {
        using var server = new FileBridgeStandIn(Password, Code, "second-factor");

        var (exitCode, output, _) = Smoke(server, $"{Password}\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("PASS password: accepted (202, next: second-factor)", output, StringComparison.Ordinal);
        Assert.Contains("FAIL sign-in: a second factor is required (methods: [\"totp\", \"recovery\"]): give an authenticator or recovery code on the second line of standard input", output, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.StartsWith("POST /api/auth/second-factor", StringComparison.Ordinal));
    }

    [Fact]
    public void WrongCode_IsAFailNamingTheAnswer()
    {
        using var server = new FileBridgeStandIn(Password, Code, "second-factor");

        var (exitCode, output, _) = Smoke(server, $"{Password}\n000000\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL sign-in: POST /api/auth/second-factor answered 401 invalid_code", output, StringComparison.Ordinal);
        Assert.DoesNotContain("PASS list", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("change-password")]
    [InlineData("enroll")]
    public void AnotherNextStep_IsAFailSayingWhichStepTheAccountMustFinish(string next)
    {
        using var server = new FileBridgeStandIn(Password, Code, next);

        var (exitCode, output, _) = Smoke(server, $"{Password}\n{Code}\n");

        Assert.Equal(1, exitCode);
        Assert.Contains($"PASS password: accepted (202, next: {next})", output, StringComparison.Ordinal);
        Assert.Contains($"FAIL sign-in: the account must first finish the step \"{next}\" in the browser", output, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.StartsWith("POST /api/auth/second-factor", StringComparison.Ordinal));
    }

    [Fact]
    public void SignInWithoutASecondStep_StillPasses_AndASecondLineIsIgnored()
    {
        using var server = new FileBridgeStandIn(Password, Code, "none");

        var (exitCode, output, error) = Smoke(server, $"{Password}\n{Code}\n");

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("PASS sign-in: signed in as smoker\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("PASS password", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Smoke(FileBridgeStandIn server, string input) =>
        ScriptProcess.Run("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "smoke.sh"), server.BaseUrl, "smoker"], input);
}
