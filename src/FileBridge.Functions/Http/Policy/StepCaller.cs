using FileBridge.Core.PendingSteps;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Http.Policy;

/// <summary>
/// A live pending step of one kind (<see cref="Callers.SecondFactorStep"/>): a missing, expired, finished or other
/// step answers 401 <c>step_expired</c>. A session opens nothing here.
/// </summary>
public sealed class StepCaller(PendingStepReader reader, PendingStepKind kind) : ICallerRequirement
{
    public Task IdentifyAsync(HttpContext context) => reader.ReadAsync(context);

    public ObjectResult? Refusal(HttpContext context) =>
        context.Request.Step() is { } step && step.Step == kind ? null : Problems.StepExpired();
}
