using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Shelter.Core.Accounts;
using Shelter.Core.Audit;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Integrity;
using Shelter.Web.Infrastructure.Mvc;

namespace Shelter.Web.Features.Account;

[Route("Account")]
[SessionForm]
[ShowsNoResidentData]
public sealed class AccountController : Controller
{
    [HttpGet("Login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) =>
        View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("Login")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Login(LoginForm form, [FromServices] Login login, [FromServices] SignInAttemptsPerAccount perAccount)
    {
        if (!ModelState.IsValid) return View(form);
        if (!perAccount.TryAttempt(form.Email)) return StatusCode(StatusCodes.Status429TooManyRequests);
        var outcome = await login.HandleAsync(form);
        if (outcome == LoginOutcome.RequiresTwoFactor) return RedirectToAction(nameof(LoginWith2fa), new { returnUrl = form.ReturnUrl });
        if (Onward(outcome, form.ReturnUrl) is { } next) return next;
        ModelState.AddModelError("", Features.Account.Login.RefusedMessage);
        form.Password = "";
        return View(form);
    }

    /// <summary>Where a successful sign-in goes: her own password first, else where she was heading.</summary>
    private IActionResult? Onward(LoginOutcome outcome, string? returnUrl) => outcome switch
    {
        LoginOutcome.MustChangePassword => RedirectToAction(nameof(ChangePassword)),
        LoginOutcome.SignedIn => LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/"),
        _ => null,
    };

    [HttpGet("LoginWith2fa")]
    [AllowAnonymous]
    public async Task<IActionResult> LoginWith2fa(string? returnUrl, [FromServices] TwoFactorSignIn twoFactor) =>
        await twoFactor.IsAwaitingCodeAsync() ? View(new TwoFactorForm { ReturnUrl = returnUrl }) : RedirectToAction(nameof(Login));

    [HttpPost("LoginWith2fa")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> LoginWith2fa(TwoFactorForm form, [FromServices] TwoFactorSignIn twoFactor)
    {
        if (!await twoFactor.IsAwaitingCodeAsync())
        {
            TempData["Error"] = "Five minutes passed since your password. Sign in again.";
            return RedirectToAction(nameof(Login));
        }
        if (!ModelState.IsValid) return View(form);
        if (Onward(await twoFactor.HandleAsync(form), form.ReturnUrl) is { } next) return next;
        ModelState.AddModelError("", TwoFactorSignIn.RefusedMessage);
        form.Code = "";
        return View(form);
    }

    [HttpGet("TwoFactor")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> TwoFactor([FromServices] TwoFactorSetup setup) =>
        await setup.PageAsync(User) is { } page ? View(page) : RedirectToAction(nameof(Login));

    [HttpPost("TwoFactor")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> TwoFactor(EnableTwoFactorForm form, [FromServices] TwoFactorSetup setup,
        [FromServices] ShelterDbContext db)
    {
        var (codes, error) = ModelState.IsValid ? await setup.EnableAsync(User, form) : (null, ModelState.FirstError());
        if (codes is null)
        {
            TempData["Error"] = error;
            return RedirectToAction(nameof(TwoFactor));
        }
        await db.SaveChangesAsync();
        return View("RecoveryCodes", codes);
    }

    [HttpPost("TwoFactor/RecoveryCodes")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> RecoveryCodes([FromServices] TwoFactorSetup setup, [FromServices] ShelterDbContext db)
    {
        if (await setup.NewRecoveryCodesAsync(User) is not { } codes) return RedirectToAction(nameof(TwoFactor));
        await db.SaveChangesAsync();
        return View("RecoveryCodes", codes);
    }

    [HttpPost("TwoFactor/Off")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> TwoFactorOff([FromServices] TwoFactorSetup setup, [FromServices] ShelterDbContext db)
    {
        var error = await setup.DisableAsync(User);
        if (error is null)
        {
            await db.SaveChangesAsync();
            TempData["Notice"] = "Two-factor sign-in is off. Your password alone signs you in.";
        }
        else TempData["Error"] = error;
        return RedirectToAction(nameof(TwoFactor));
    }

    [HttpPost("Logout")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Logout([FromServices] SignInManager<ShelterUser> signIn, [FromServices] AuditLog audit)
    {
        await audit.SignInEventAsync(AuditActions.SignedOut, signIn.UserManager.GetUserId(User));
        // A new security stamp makes the old cookie worthless even if someone kept a copy of it.
        if (await signIn.UserManager.GetUserAsync(User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("ChangePassword")]
    [Authorize(Policy = Policies.SignedIn)]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("ChangePassword")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, [FromServices] ChangePassword change,
        [FromServices] ShelterDbContext db)
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
