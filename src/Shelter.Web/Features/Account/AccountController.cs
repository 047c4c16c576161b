using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Shelter.Core.Accounts;
using Shelter.Core.Audit;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;

namespace Shelter.Web.Features.Account;

[Route("Account")]
public sealed class AccountController : Controller
{
    [HttpGet("Login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) =>
        View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("Login")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Login(LoginForm form, [FromServices] Login login)
    {
        if (!ModelState.IsValid) return View(form);
        switch (await login.HandleAsync(form))
        {
            case LoginOutcome.MustChangePassword:
                return RedirectToAction(nameof(ChangePassword));
            case LoginOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
            default:
                ModelState.AddModelError("", Features.Account.Login.RefusedMessage);
                form.Password = "";
                return View(form);
        }
    }

    [HttpPost("Logout")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Logout([FromServices] SignInManager<ShelterUser> signIn, [FromServices] AuditLog audit)
    {
        await audit.SignInEventAsync(AuditActions.SignedOut, signIn.UserManager.GetUserId(User));
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("ChangePassword")]
    [Authorize(Policy = Policies.SignedIn)]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("ChangePassword")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, [FromServices] ChangePassword change, [FromServices] ShelterDbContext db)
    {
        if (!ModelState.IsValid) return View(form);
        var errors = await change.HandleAsync(User, form);
        if (errors.Count > 0)
        {
            foreach (var e in errors) ModelState.AddModelError("", e);
            return View(new ChangePasswordForm());
        }
        await db.SaveChangesAsync();
        TempData["Notice"] = "Your password is changed.";
        return Redirect("/");
    }

    [HttpGet("AccessDenied")]
    [Authorize(Policy = Policies.SignedIn)]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
