using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Http.Policy;

/// <summary>
/// Who may call a route. The pipeline asks in two steps: who is calling, before the rate limit counts them; then,
/// once the request is within its rate and from an allowed origin, whether they may. A new kind of caller (a pending
/// sign-in step, a recent authentication) is a new implementation registered under a new name in
/// <see cref="CallerRequirementExtensions"/>; the pipeline does not change.
/// </summary>
public interface ICallerRequirement
{
    /// <summary>Establishes the caller from the request (its cookies) in <see cref="HttpContext.Items"/>, if this requirement needs to know.</summary>
    Task IdentifyAsync(HttpContext context);

    /// <summary>The answer when the established caller may not call; null when they may.</summary>
    ObjectResult? Refusal(HttpContext context);
}
