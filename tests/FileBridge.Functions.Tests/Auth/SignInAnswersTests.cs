using FileBridge.Core.Login;
using FileBridge.Core.PendingSteps;
using FileBridge.Core.Sessions;
using FileBridge.Core.SignIn;
using FileBridge.Functions.Auth;
using FileBridge.Functions.Http;
using FileBridge.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Functions.Tests.Auth;

public sealed class SignInAnswersTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly RecordingAuditLog _log = new();
    private readonly ThrottledAuditSampler _sampler = new(new FakeTimeProvider(Now));
    private readonly SignInAnswers _answers;

    public SignInAnswersTests() =>
        _answers = new SignInAnswers(new RequestAudit(_log, new ClientAddressResolver(Options.Create(new WebOptions())), _sampler));

    public void Dispose() => _sampler.Dispose();

    [Fact]
    public void Answer_ToAPendingStep_Is202WithThePendingCookieAndASignInRow()
    {
        var context = new DefaultHttpContext();
        var pending = new SignInProgress.Pending(PendingStepKind.SecondFactor, new PendingStepTicket("cookie-value", Now.AddMinutes(5)), ["totp", "recovery"], "ada");

        var result = Assert.IsType<ObjectResult>(_answers.Answer(context, pending, "sign-in"));

        Assert.Equal(StatusCodes.Status202Accepted, result.StatusCode);
        var body = Assert.IsType<PendingStepResponse>(result.Value);
        Assert.Equal("second-factor", body.Next);
        Assert.Equal(["totp", "recovery"], body.Methods);
        var cookie = Assert.Single(context.Response.Headers.SetCookie);
        Assert.StartsWith("__Host-fb_pending=cookie-value; Path=/; Secure; HttpOnly; SameSite=Strict", cookie, StringComparison.Ordinal);
        var row = Assert.Single(_log.Events);
        Assert.Equal(("sign-in", "202 second-factor", "ada"), (row.Action, row.Outcome, row.UserId));
    }

    [Fact]
    public void Answer_ToAStepFromAStepRoute_WritesTheRoutesRowAndTheSignInRow()
    {
        var context = new DefaultHttpContext();
        var pending = new SignInProgress.Pending(PendingStepKind.ChangePassword, new PendingStepTicket("v", Now.AddMinutes(5)), null, "ada");

        _answers.Answer(context, pending, "second-factor");

        Assert.Equal(["second-factor 202 change-password", "sign-in 202 change-password"], _log.Events.Select(e => $"{e.Action} {e.Outcome}"));
    }

    [Fact]
    public void Answer_WhenSignedIn_SetsSessionAndDeviceCookies_ClearsThePendingOne_AndShowsNewRecoveryCodes()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = "__Host-fb_pending=old";
        var user = new AuthenticatedUser("ada", "Ada", null, Now.AddHours(8));
        var signedIn = new SignInProgress.SignedIn(new LoginOutcome.SignedIn(new StartedSession("token", user), "device", Now.AddDays(90)), ["code-1"]);

        var result = Assert.IsType<ObjectResult>(_answers.Answer(context, signedIn, "second-factor"));

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
        Assert.Equal(["code-1"], Assert.IsType<SignedInResponse>(result.Value).RecoveryCodes);
        var cookies = context.Response.Headers.SetCookie.ToArray();
        Assert.Contains(cookies, c => c!.StartsWith("__Host-fb_session=token;", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c!.StartsWith("__Host-fb_device=device;", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c!.StartsWith("__Host-fb_pending=;", StringComparison.Ordinal) && c.Contains("Max-Age=0", StringComparison.Ordinal));
        Assert.Equal("second-factor 200", Assert.Single(_log.Events.Select(e => $"{e.Action} {e.Outcome}")));
    }

    [Fact]
    public void Answer_WhenEnrolmentNeedsAnOperator_Is403WithTheCode()
    {
        var context = new DefaultHttpContext();

        var result = Assert.IsType<ObjectResult>(_answers.Answer(context, new SignInProgress.NeedsOperator("ada"), "sign-in"));

        Assert.Equal(StatusCodes.Status403Forbidden, result.StatusCode);
        Assert.Equal("enrollment_needs_operator", Assert.IsType<ProblemDetails>(result.Value).Extensions["code"]);
        Assert.Equal(0, context.Response.Headers.SetCookie.Count);
    }

    [Fact]
    public void Answer_ToAnExpiredStep_Is401StepExpired()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = "__Host-fb_pending=old";

        var result = Assert.IsType<ObjectResult>(_answers.Answer(context, new SignInProgress.StepExpired(), "second-factor"));

        Assert.Equal(StatusCodes.Status401Unauthorized, result.StatusCode);
        Assert.Equal("step_expired", Assert.IsType<ProblemDetails>(result.Value).Extensions["code"]);
        Assert.Contains("Max-Age=0", Assert.Single(context.Response.Headers.SetCookie), StringComparison.Ordinal);
    }
}
