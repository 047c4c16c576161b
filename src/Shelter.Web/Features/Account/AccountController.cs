using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Shelter.Core.Accounts;
using Shelter.Core.Audit;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure;
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
        if (outcome.Succeeded) return Onward(outcome.Value, form.ReturnUrl);
        ModelState.AddModelError("", outcome.Error!);
        form.Password = "";
        return View(form);
    }

    /// <summary>Where a successful sign-in goes: her second factor, her own password first, else where she was heading.</summary>
    private IActionResult Onward(SignInStep step, string? returnUrl) => step switch
    {
        SignInStep.RequiresTwoFactor => RedirectToAction(nameof(LoginWith2fa), new { returnUrl }),
        SignInStep.MustChangePassword => RedirectToAction(nameof(ChangePassword)),
        _ => LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/"),
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
        var outcome = await twoFactor.HandleAsync(form);
        if (outcome.Succeeded) return Onward(outcome.Value, form.ReturnUrl);
        ModelState.AddModelError("", outcome.Error!);
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
        var enabled = ModelState.IsValid ? await setup.EnableAsync(User, form)
            : Outcome.Refused<IReadOnlyList<string>>(ModelState.FirstError());
        if (!enabled.Succeeded)
        {
            TempData["Error"] = enabled.Error;
            return RedirectToAction(nameof(TwoFactor));
        }
        await db.SaveChangesAsync();
        return View("RecoveryCodes", enabled.Value);
    }

    [HttpPost("TwoFactor/RecoveryCodes")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> RecoveryCodes([FromServices] TwoFactorSetup setup, [FromServices] ShelterDbContext db)
    {
        var codes = await setup.NewRecoveryCodesAsync(User);
        if (!codes.Succeeded) return RedirectToAction(nameof(TwoFactor));
        await db.SaveChangesAsync();
        return View("RecoveryCodes", codes.Value);
    }

    [HttpPost("TwoFactor/Off")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> TwoFactorOff([FromServices] TwoFactorSetup setup, [FromServices] ShelterDbContext db)
    {
        var off = await setup.DisableAsync(User);
        if (off.Succeeded)
        {
            await db.SaveChangesAsync();
            TempData["Notice"] = "Two-factor sign-in is off. Your password alone signs you in.";
        }
        else TempData["Error"] = off.Error;
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
        var changed = await change.HandleAsync(User, form);
        if (!changed.Succeeded)
        {
            foreach (var e in changed.Errors) ModelState.AddModelError("", e);
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
