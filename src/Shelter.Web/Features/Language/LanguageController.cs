using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Shelter.Web.Infrastructure.Integrity;

namespace Shelter.Web.Features.Language;

[Route("language")]
[SessionForm] // shown on the sign-in page too, and choosing twice is harmless
public sealed class LanguageController : Controller
{
    /// <summary>Open to everyone: the sign-in page offers it. Goes back to the page she was on.</summary>
    [HttpPost("")]
    [AllowAnonymous]
    public async Task<IActionResult> Choose(string? language, string? returnUrl, [FromServices] ChooseLanguage choose)
    {
        if (!(await choose.HandleAsync(language, User, Response, Request.IsHttps)).Succeeded) return BadRequest();
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
