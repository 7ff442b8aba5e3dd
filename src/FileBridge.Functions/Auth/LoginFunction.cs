using FileBridge.Core.Login;
using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Auth;

public sealed class LoginFunction(ILogger<LoginFunction> logger, LoginService login, OriginPolicy origins)
{
    [Function(nameof(LoginFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/login")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!origins.Allows(request))
        {
            return Problems.ForbiddenOrigin();
        }

        var (credentials, error) = await LoginRequestReader.ReadAsync(request, cancellationToken);
        if (credentials is null)
        {
            return Problems.BadRequest(error!);
        }

        var outcome = await login.LoginAsync(credentials.Username, credentials.Password, cancellationToken);
        switch (outcome)
        {
            case LoginOutcome.SignedIn signedIn:
                SessionCookie.Issue(request.HttpContext.Response, signedIn.Session.Token, signedIn.Session.User.ExpiresAt);
                logger.LogInformation("User {UserId} signed in", signedIn.Session.User.Id);
                return PrivateResults.Ok(request, SessionUserResponse.From(signedIn.Session.User));
            case LoginOutcome.Throttled throttled:
                return Problems.RateLimited(request.HttpContext.Response, throttled.RetryAfter);
            case LoginOutcome.Busy busy:
                return Problems.Busy(request.HttpContext.Response, busy.RetryAfter);
            case LoginOutcome.LockedOut lockedOut:
                return Problems.TooManyAttempts(request.HttpContext.Response, lockedOut.RetryAfter);
            default:
                return Problems.Create(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidCredentials,
                    "Sign-in failed.", "The user name or password is incorrect.");
        }
    }
}
