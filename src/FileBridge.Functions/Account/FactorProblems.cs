using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Account;

/// <summary>The refusals of the factor routes.</summary>
public static class FactorProblems
{
    public static ObjectResult LastFactor() => Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.LastFactor,
        "This is your last second factor.", "A second factor is required: add another one before removing this one.");

    public static ObjectResult NotFound(string detail) => Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Not found.", detail);

    public static ObjectResult PasskeyRefused() => Problems.BadRequest("The passkey could not be verified, or its name is not 1 to 64 characters.");
}
