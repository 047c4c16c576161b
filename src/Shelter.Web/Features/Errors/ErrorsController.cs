using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Shelter.Web.Infrastructure.Audit;

namespace Shelter.Web.Features.Errors;

public sealed record ErrorModel(int StatusCode, string RequestId);

/// <summary>A plain page with a request id to quote; never a stack trace.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[Route("error")]
[ShowsNoResidentData]
public sealed class ErrorsController : Controller
{
    [Route("")]
    [Route("{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show()
    {
        // The code comes from the route alone: binding a parameter would read the original POST's
        // form, and a form the server refused (a null character, say) turned a 400 into a 500.
        var status = RouteData.Values["code"] is string code && int.TryParse(code, out var c)
            ? c : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View("Error", new ErrorModel(status, Activity.Current?.Id ?? HttpContext.TraceIdentifier));
    }
}
