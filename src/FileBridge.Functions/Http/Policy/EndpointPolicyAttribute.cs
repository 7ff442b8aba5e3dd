using FileBridge.Core.Throttling;

namespace FileBridge.Functions.Http.Policy;

/// <summary>
/// What <see cref="ApiPipeline"/> applies to an HTTP function before it runs, declared next to its trigger as
/// ASP.NET Core endpoints carry their metadata. Every HTTP function declares one (EndpointPoliciesTests).
/// Not declared because no route may do without it: every POST and DELETE refuses a cross-site <c>Origin</c>.
/// </summary>
/// <param name="caller">Who may call: the name of a registered <see cref="ICallerRequirement"/>, one of <see cref="Callers"/>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class EndpointPolicyAttribute(string caller) : Attribute
{
    /// <summary>The name of the <see cref="ICallerRequirement"/> the caller must meet.</summary>
    public string Caller { get; } = caller;

    /// <summary>The limiter counting the route's requests (<see cref="LimiterNames"/>): per identified caller, else per client address.</summary>
    public string Limiter { get; init; } = LimiterNames.Requests;

    /// <summary>Query parameters that may be given at most once; a repeated one answers 400 <c>bad_request</c>.</summary>
    public string[] SingleValued { get; init; } = [];

    /// <summary>The audit action of the route's refusals (after the caller is admitted); none: refusals write no row.</summary>
    public string? Audit { get; init; }

    /// <summary>The action instead of <see cref="Audit"/> when the request asks for <c>disposition=inline</c> (a preview).</summary>
    public string? InlineAudit { get; init; }

    /// <summary>The query parameter whose value a refusal's audit row names as its target.</summary>
    public string? AuditTarget { get; init; }

    /// <summary>The route acts on AWS in the caller's name: its rows carry the role session name.</summary>
    public bool OnAws { get; init; }

    /// <summary>
    /// Answers requests that did not come through the front door (<c>Web:RequiredFrontDoorId</c>): the health
    /// probes, which the platform sends to the app directly.
    /// </summary>
    public bool OutsideFrontDoor { get; init; }
}
