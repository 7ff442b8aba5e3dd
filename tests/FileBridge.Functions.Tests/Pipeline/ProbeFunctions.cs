using System.Reflection;
using Azure;
using FileBridge.Core.Audit;
using FileBridge.Core.Throttling;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Tests.Pipeline;

/// <summary>Functions with known behaviour and declared policies, served by both hosts' adapters in the pipeline tests.</summary>
public sealed class ProbeFunctions(RequestAudit audit)
{
    /// <summary>Each probe's declared policy under its own name; <see cref="Undeclared"/> has none.</summary>
    public static IReadOnlyDictionary<string, EndpointPolicyAttribute> Policies() =>
        Probes()
            .Where(probe => probe.GetCustomAttribute<EndpointPolicyAttribute>() is not null)
            .ToDictionary(probe => probe.Name, probe => probe.GetCustomAttribute<EndpointPolicyAttribute>()!);

    public static IEnumerable<MethodInfo> Probes() =>
        typeof(ProbeFunctions).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

    [EndpointPolicy(Callers.Anyone)]
    public IActionResult Ok(HttpRequest request) => new OkObjectResult(new { status = "ok" });

    [EndpointPolicy(Callers.Anyone)]
    public IActionResult Throws(HttpRequest request) => throw new InvalidOperationException("secret internals at line 42");

    [EndpointPolicy(Callers.Anyone)]
    public IActionResult StorageDown(HttpRequest request) => throw new RequestFailedException(0, "connection refused");

    [EndpointPolicy(Callers.Anonymous, Limiter = LimiterNames.SignInsPerClient)]
    public IActionResult SignIn(HttpRequest request) => new OkObjectResult(new { status = "ok" });

    /// <summary>Like the health probes: answered without the front door; writes a row to show the address it counts.</summary>
    [EndpointPolicy(Callers.Anonymous, OutsideFrontDoor = true)]
    public IActionResult Health(HttpRequest request)
    {
        audit.Post(request.HttpContext, "probe", null, null, StatusCodes.Status200OK);
        return new OkObjectResult(new { status = "ok" });
    }

    [EndpointPolicy(Callers.SignedIn)]
    public IActionResult Me(HttpRequest request) => new OkObjectResult(new { user = request.SignedInUser().Id });

    [EndpointPolicy(Callers.Anyone)]
    public IActionResult Caller(HttpRequest request) => new OkObjectResult(new { user = request.Caller()?.Id ?? "nobody" });

    [EndpointPolicy(Callers.Anonymous)]
    public IActionResult ReadsCallerAnonymously(HttpRequest request) => new OkObjectResult(new { user = request.Caller()?.Id });

    [EndpointPolicy(Callers.SignedIn, SingleValued = ["prefix", "limit"], Audit = AuditActions.List, AuditTarget = "prefix", OnAws = true)]
    public IActionResult Files(HttpRequest request) => new OkObjectResult(new { user = request.SignedInUser().Id });

    [EndpointPolicy(Callers.SignedIn, SingleValued = ["key"], Audit = AuditActions.Download, InlineAudit = AuditActions.Preview, AuditTarget = "key", OnAws = true)]
    public IActionResult Refuses(HttpRequest request) => audit.Refused(
        request.HttpContext, Problems.Create(StatusCodes.Status403Forbidden, ErrorCodes.ForbiddenPrefix, "Outside your folders."));

    public IActionResult Undeclared(HttpRequest request) => new OkObjectResult(new { status = "ran" });
}
