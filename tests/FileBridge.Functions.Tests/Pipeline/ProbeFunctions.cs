using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Tests.Pipeline;

/// <summary>Functions with known behaviour, served by both hosts' adapters in the pipeline tests.</summary>
public sealed class ProbeFunctions
{
    public IActionResult Ok(HttpRequest request) => new OkObjectResult(new { status = "ok" });

    public IActionResult Throws(HttpRequest request) => throw new InvalidOperationException("secret internals at line 42");

    public IActionResult StorageDown(HttpRequest request) => throw new RequestFailedException(0, "connection refused");
}
