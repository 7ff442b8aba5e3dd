using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Http;

/// <summary>Answers that belong to one signed-in person: no browser or proxy may keep a copy.</summary>
public static class PrivateResults
{
    public static OkObjectResult Ok(HttpRequest request, object value)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new OkObjectResult(value);
    }
}
