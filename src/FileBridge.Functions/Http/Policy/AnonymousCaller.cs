using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Http.Policy;

/// <summary><see cref="Callers.Anonymous"/>: anyone, and nobody is identified (no session read).</summary>
public sealed class AnonymousCaller : ICallerRequirement
{
    public Task IdentifyAsync(HttpContext context) => Task.CompletedTask;

    public ObjectResult? Refusal(HttpContext context) => null;
}
