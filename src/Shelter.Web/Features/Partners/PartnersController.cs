using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Shelter.Web.Care;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Mvc;

namespace Shelter.Web.Features.Partners;

[ShowsNoResidentData]
public sealed class PartnersController : Controller
{
    [HttpGet("partners")]
    [Authorize(Policy = Policies.Partners)]
    public async Task<IActionResult> Index([FromServices] SavePartner partners, CancellationToken ct) =>
        View(await partners.ListAsync(ct));

    [HttpGet("partners/new")]
    [Authorize(Policy = Policies.ManagePartners)]
    public IActionResult Create() => View("Edit", new PartnerForm());

    [HttpPost("partners/new")]
    [Authorize(Policy = Policies.ManagePartners)]
    public Task<IActionResult> Create(PartnerForm form, [FromServices] SavePartner save, CancellationToken ct) =>
        Save(null, form, save, ct);

    [HttpGet("partners/{id:int}")]
    [Authorize(Policy = Policies.ManagePartners)]
    public async Task<IActionResult> Edit(int id, [FromServices] SavePartner save, [FromServices] PartnerDirectoryReader directory,
        [FromServices] TimeProvider clock, CancellationToken ct)
    {
        ViewData["PartnerId"] = id;
        ViewData["Refusals"] = await directory.RefusalsOfAsync(id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        return await save.LoadAsync(id, ct) is { } form ? View(form) : NotFound();
    }

    [HttpPost("partners/{id:int}")]
    [Authorize(Policy = Policies.ManagePartners)]
    public Task<IActionResult> Edit(int id, PartnerForm form, [FromServices] SavePartner save, CancellationToken ct) =>
        Save(id, form, save, ct);

    private async Task<IActionResult> Save(int? id, PartnerForm form, SavePartner save, CancellationToken ct)
    {
        ViewData["PartnerId"] = id;
        if (!ModelState.IsValid) return View("Edit", form);
        if ((await save.HandleAsync(id, form, ct)).Error is { } error)
        {
            ModelState.AddModelError("", error);
            return View("Edit", form);
        }
        TempData["Notice"] = "The partner is saved.";
        return Redirect("/partners");
    }

    [HttpGet("barriers")]
    [Authorize(Policy = Policies.Partners)]
    public async Task<IActionResult> Barriers([FromServices] RecordBarrier barriers, [FromServices] SavePartner partners,
        CancellationToken ct)
    {
        ViewData["Partners"] = await partners.ListAsync(ct);
        return View(await barriers.ListAsync(ct));
    }

    [HttpPost("barriers")]
    [Authorize(Policy = Policies.Intake)]
    public async Task<IActionResult> Barriers(BarrierForm form, [FromServices] RecordBarrier barriers, CancellationToken ct)
    {
        var error = ModelState.IsValid ? (await barriers.HandleAsync(form, ct)).Error : ModelState.FirstError();
        if (error is null) TempData["Notice"] = "The refusal is in the barrier log.";
        else TempData["Error"] = error;
        return Redirect("/barriers");
    }
}
