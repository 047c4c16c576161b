using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Shelter.Core.Accounts;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;

namespace Shelter.Web.Features.Admin;

[Route("admin/users")]
[Authorize(Policy = Policies.ManageUsers)]
[ShowsNoResidentData]
public sealed class UsersController(ShelterDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListUsers list, CancellationToken ct) =>
        View(await list.HandleAsync(ct));

    [HttpGet("new")]
    public async Task<IActionResult> Create() => await FormAsync(new CreateUserForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(CreateUserForm form, [FromServices] CreateUser create)
    {
        if (!ModelState.IsValid) return await FormAsync(form);
        var outcome = await create.HandleAsync(form);
        if (!outcome.Succeeded)
        {
            foreach (var e in outcome.Errors) ModelState.AddModelError("", e);
            return await FormAsync(form);
        }
        await db.SaveChangesAsync();
        return View("Created", outcome.Value);
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, [FromServices] EditUser edit)
    {
        var form = await edit.LoadAsync(id);
        return form is null ? NotFound() : await FormAsync(form);
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, EditUserForm form, [FromServices] EditUser edit,
        [FromServices] UserManager<ShelterUser> userManager)
    {
        form.Id = id;
        if (!ModelState.IsValid) return await FormAsync(form);
        var outcome = await edit.HandleAsync(form, userManager.GetUserId(User)!);
        if (!outcome.Succeeded)
        {
            foreach (var e in outcome.Errors) ModelState.AddModelError("", e);
            return await FormAsync(form);
        }
        await db.SaveChangesAsync();
        TempData["Notice"] = "The account is saved.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/reset-two-factor")]
    public async Task<IActionResult> ResetTwoFactor(string id, [FromServices] EditUser edit)
    {
        if ((await edit.ResetTwoFactorAsync(id)).Missing) return NotFound();
        await db.SaveChangesAsync();
        TempData["Notice"] = "Her two-factor sign-in is reset. She sets it up again with her phone.";
        return Redirect($"/admin/users/{id}");
    }

    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id, [FromServices] EditUser edit)
    {
        var outcome = await edit.ResetPasswordAsync(id);
        if (outcome.Missing) return NotFound();
        await db.SaveChangesAsync();
        var user = await edit.LoadAsync(id);
        return View("Created", new CreatedUser(user!.Email, outcome.Value!));
    }

    /// <summary>The account form with the sites to tick.</summary>
    private async Task<IActionResult> FormAsync(object form)
    {
        ViewData["Sites"] = await StaffSites.OptionsAsync(db, HttpContext.RequestAborted);
        return View(form);
    }
}
