using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Account;

/// <summary>Under <c>Login:SecondFactor</c> = <c>Off</c> enrolment is hidden: its routes answer as if they did not exist.</summary>
public static class EnrolmentHidden
{
    public static ObjectResult NotFound() =>
        Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Not found.", "Second factors are turned off.");
}
