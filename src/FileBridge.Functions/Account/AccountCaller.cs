using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Account;

/// <summary>Whose account an enrolment route acts on: the session's person, else the enroll step's.</summary>
public static class AccountCaller
{
    public static string UserId(HttpRequest request) =>
        request.Caller()?.Id ?? request.Step()?.UserId
        ?? throw new InvalidOperationException($"{request?.Path} has neither a session nor a step: its policy must declare {nameof(Callers.Enroller)}.");
}
