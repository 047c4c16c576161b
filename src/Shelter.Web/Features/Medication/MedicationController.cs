using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Web.Care;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Caching;
using Shelter.Web.Infrastructure.Mvc;

namespace Shelter.Web.Features.Medication;

public sealed record ResidentMedicationPage(int ResidentId, string Alias, IReadOnlyList<ProgrammeStatus> Programmes,
    ProgrammeForm NewProgramme, IReadOnlyList<Core.Partners.Partner> Sites);

[Route("medication")]
[Authorize(Policy = Policies.Medication)]
public sealed class MedicationController : Controller
{
    [AuditsView("Medication", Which = "continuity")]
    [KeptPerWorker]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Continuity continuity, [FromServices] SiteScope scope,
        [FromServices] RecordClosure closures, CancellationToken ct)
    {
        var statuses = await continuity.LoadReachableAsync(scope, ct);
        ViewData["Closures"] = await closures.ListAsync(ct);
        return View(statuses);
    }

    [AuditsView("Medication", "residentId")]
    [HttpGet("residents/{residentId:int}")]
    [Reaches(Record.Resident, "residentId")]
    public async Task<IActionResult> Resident(int residentId, [FromServices] Continuity continuity, [FromServices] RecordClosure closures,
        [FromServices] ShelterDbContext db, CancellationToken ct)
    {
        var alias = await db.Residents.Where(r => r.Id == residentId).Select(r => r.Alias).FirstOrDefaultAsync(ct);
        if (alias is null) return NotFound();
        return View(new ResidentMedicationPage(residentId, alias, await continuity.LoadAsync(residentId, ct), new ProgrammeForm(),
            await closures.DispensingSitesAsync(ct)));
    }

    [HttpPost("residents/{residentId:int}")]
    [Reaches(Record.Resident, "residentId")]
    public async Task<IActionResult> Add(int residentId, ProgrammeForm form, [FromServices] SaveProgramme save, CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await save.HandleAsync(residentId, null, form, ct) : Outcome.Refused(ModelState.FirstError());
        if (outcome.Missing) return NotFound();
        this.Tell(outcome.Error, "The programme is recorded.");
        return Redirect($"/medication/residents/{residentId}");
    }

    [HttpGet("{id:int}")]
    [Reaches(Record.Programme, "id")]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveProgramme save, [FromServices] RecordClosure closures,
        CancellationToken ct)
    {
        var programme = await save.FindAsync(id, ct);
        if (programme is null) return NotFound();
        ViewData["Sites"] = await closures.DispensingSitesAsync(ct);
        ViewData["ResidentId"] = programme.ResidentId;
        ViewData["ProgrammeId"] = id;
        return View(SaveProgramme.FormOf(programme));
    }

    [HttpPost("{id:int}")]
    [Reaches(Record.Programme, "id")]
    public async Task<IActionResult> Edit(int id, ProgrammeForm form, [FromServices] SaveProgramme save,
        [FromServices] RecordClosure closures, CancellationToken ct)
    {
        var programme = await save.FindAsync(id, ct);
        if (programme is null) return NotFound();
        if (ModelState.IsValid)
        {
            var outcome = await save.HandleAsync(programme.ResidentId, id, form, ct);
            if (outcome.Missing) return NotFound();
            if (outcome.Succeeded)
            {
                TempData["Notice"] = "The programme is saved.";
                return Redirect($"/medication/residents/{programme.ResidentId}");
            }
            foreach (var error in outcome.Errors) ModelState.AddModelError("", error);
        }
        ViewData["Sites"] = await closures.DispensingSitesAsync(ct);
        ViewData["ResidentId"] = programme.ResidentId;
        ViewData["ProgrammeId"] = id;
        return View(form);
    }

    [HttpPost("{id:int}/dispensed")]
    [Reaches(Record.Programme, "id")]
    public async Task<IActionResult> Dispensed(int id, DispensingForm form, [FromServices] SaveProgramme save, CancellationToken ct)
    {
        var programme = await save.FindAsync(id, ct);
        if (programme is null) return NotFound();
        var outcome = ModelState.IsValid ? await save.DispensedAsync(id, form, ct) : Outcome.Refused(ModelState.FirstError());
        if (outcome.Missing) return NotFound();
        this.Tell(outcome.Error, "The dispensing is recorded.");
        return Redirect($"/medication/residents/{programme.ResidentId}");
    }

    [HttpPost("{id:int}/end")]
    [Reaches(Record.Programme, "id")]
    public async Task<IActionResult> End(int id, [FromServices] SaveProgramme save, CancellationToken ct)
    {
        var programme = await save.FindAsync(id, ct);
        if (programme is null || (await save.EndAsync(id, ct)).Missing) return NotFound();
        TempData["Notice"] = "The programme has ended.";
        return Redirect($"/medication/residents/{programme.ResidentId}");
    }

    [ShowsNoResidentData]
    [HttpGet("closures/new")]
    public async Task<IActionResult> NewClosure([FromServices] RecordClosure closures, [FromServices] Shared.SiteClock sites,
        [FromServices] TimeProvider clock, CancellationToken ct)
    {
        ViewData["Sites"] = await closures.DispensingSitesAsync(ct);
        return View(new ClosureForm { From = (await sites.NetworkHoursAsync(ct)).Today(clock.GetUtcNow().UtcDateTime) });
    }

    [HttpPost("closures/new")]
    public async Task<IActionResult> NewClosure(ClosureForm form, [FromServices] RecordClosure closures, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await closures.HandleAsync(form, ct);
            if (outcome.Succeeded) return Redirect($"/medication/closures/{outcome.Value}");
            foreach (var error in outcome.Errors) ModelState.AddModelError("", error);
        }
        ViewData["Sites"] = await closures.DispensingSitesAsync(ct);
        return View(form);
    }

    [AuditsView("DispensingSiteClosure", "id")]
    [HttpGet("closures/{id:int}")]
    public async Task<IActionResult> Closure(int id, [FromServices] RecordClosure closures, CancellationToken ct) =>
        await closures.LoadAsync(id, ct) is { } page ? View(page) : NotFound();

}
