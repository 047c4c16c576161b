using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.FollowUps;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Caching;
using Shelter.Web.Infrastructure.Mvc;

namespace Shelter.Web.Features.Tasks;

[Route("tasks")]
[Authorize(Policy = Policies.CaseWork)]
public sealed class TasksController : Controller
{
    [AuditsView("Worklist")]
    [KeptPerWorker]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Worklist worklist, CancellationToken ct) =>
        View(await worklist.HandleAsync(User, ct));

    [HttpGet("{id:int}")]
    [Reaches(Record.FollowUp, "id")]
    public async Task<IActionResult> Show(int id, [FromServices] FollowUpWork work, CancellationToken ct) =>
        await work.PageAsync(id, User, ct) is { } page ? View(page) : NotFound();

    [HttpGet("new")]
    [Reaches(Record.Resident, "residentId")]
    public async Task<IActionResult> New(int residentId, [FromServices] ShelterDbContext db, [FromServices] FollowUpWork work,
        [FromServices] Shared.SiteClock sites, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        var resident = await db.Residents.AsNoTracking().Include(r => r.Children).FirstOrDefaultAsync(r => r.Id == residentId, ct);
        if (resident is null) return NotFound();
        ViewData["Resident"] = resident;
        ViewData["Assignees"] = await work.AssigneesAsync(FollowUpKind.Other);
        return View(new FollowUpForm
        {
            DueOn = (await sites.OfResidentAsync(residentId, ct)).Today(clock.GetUtcNow().UtcDateTime)
            .AddDays(1)
        });
    }

    [HttpPost("new")]
    [Reaches(Record.Resident, "residentId")]
    public async Task<IActionResult> New(int residentId, FollowUpForm form, [FromServices] ShelterDbContext db,
        [FromServices] FollowUpWork work, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await work.CreateAsync(residentId, form, User, ct);
            if (outcome.Missing) return NotFound();
            if (outcome.Succeeded)
            {
                TempData["Notice"] = "The follow-up is open.";
                return Redirect($"/tasks/{outcome.Value}");
            }
            foreach (var error in outcome.Errors) ModelState.AddModelError("", error);
        }
        var resident = await db.Residents.AsNoTracking().Include(r => r.Children).FirstOrDefaultAsync(r => r.Id == residentId, ct);
        if (resident is null) return NotFound();
        ViewData["Resident"] = resident;
        ViewData["Assignees"] = await work.AssigneesAsync(form.Kind ?? FollowUpKind.Other);
        return View(form);
    }

    [HttpPost("{id:int}/steps")]
    [Reaches(Record.FollowUp, "id")]
    public async Task<IActionResult> Step(int id, StepForm form, [FromServices] FollowUpWork work, CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await work.AddStepAsync(id, form, User, ct) : Outcome.Refused(ModelState.FirstError());
        return Answer(id, outcome, "The step is recorded.");
    }

    [HttpPost("{id:int}/close")]
    [Reaches(Record.FollowUp, "id")]
    public async Task<IActionResult> Close(int id, FollowUpStatus status, [FromServices] FollowUpWork work, CancellationToken ct)
    {
        var outcome = await work.CloseAsync(id, status, User, ct);
        var notice = status == FollowUpStatus.DeclinedByHer ? "Recorded as her choice: she declined." : "The follow-up is closed.";
        return Answer(id, outcome, notice);
    }

    [HttpPost("{id:int}/assign")]
    [Reaches(Record.FollowUp, "id")]
    public async Task<IActionResult> Assign(int id, string? userId, [FromServices] FollowUpWork work, CancellationToken ct)
    {
        return Answer(id, await work.AssignAsync(id, userId, User, ct), "The follow-up is assigned.");
    }

    /// <summary>Back to the follow-up with what happened, or 404 when it is not there (or not of a kind the reader sees).</summary>
    private IActionResult Answer(int id, Outcome outcome, string notice)
    {
        if (outcome.Missing) return NotFound();
        this.Tell(outcome.Error, notice);
        return Redirect($"/tasks/{id}");
    }

}
