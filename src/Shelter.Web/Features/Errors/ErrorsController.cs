using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Shelter.Web.Features.Errors;

public sealed record ErrorModel(int StatusCode, string RequestId);

/// <summary>A plain page with a request id to quote; never a stack trace.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[Route("error")]
public sealed class ErrorsController : Controller
{
    [Route("")]
    [Route("{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View("Error", new ErrorModel(status, Activity.Current?.Id ?? HttpContext.TraceIdentifier));
    }
}
