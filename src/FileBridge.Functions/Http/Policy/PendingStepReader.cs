using FileBridge.Core.PendingSteps;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Http.Policy;

/// <summary>Finds the request's pending step from its <c>__Host-fb_pending</c> cookie, once per request (<see cref="RequestStep"/>).</summary>
public sealed class PendingStepReader(PendingStepStore steps)
{
    public async Task<PendingStep?> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RequestStep.TryGet(context, out var known))
        {
            return known;
        }

        var cookie = HostCookie.Pending.Read(context.Request);
        var step = cookie is null ? null : await steps.FindAsync(cookie, context.RequestAborted);
        RequestStep.Set(context, step);
        return step;
    }
}
