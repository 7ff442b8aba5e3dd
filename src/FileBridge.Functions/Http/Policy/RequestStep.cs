using FileBridge.Core.PendingSteps;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Http.Policy;

/// <summary>
/// The pending sign-in step (<c>__Host-fb_pending</c>) <see cref="ApiPipeline"/> found for a request, kept in
/// <see cref="HttpContext.Items"/> like <see cref="RequestCaller"/>: read once, by the pipeline's caller requirement.
/// </summary>
public static class RequestStep
{
    private static readonly object Key = new();

    /// <summary>The live pending step of the request, or null (none, expired, finished, or not read by this route).</summary>
    public static PendingStep? Step(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Items.TryGetValue(Key, out var step) ? (PendingStep?)step : null;
    }

    internal static bool TryGet(HttpContext context, out PendingStep? step)
    {
        var found = context.Items.TryGetValue(Key, out var value);
        step = found ? (PendingStep?)value : null;
        return found;
    }

    internal static void Set(HttpContext context, PendingStep? step) => context.Items[Key] = step;
}
