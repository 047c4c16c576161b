using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Shelter.Web.Housing;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Mvc;

namespace Shelter.Web.Features.Intake;

[Route("intake")]
[Authorize(Policy = Policies.Intake)]
public sealed class IntakeController : Controller
{
    [ShowsNoResidentData]
    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] NewIntake intake, CancellationToken ct)
    {
        ViewData["Partners"] = await intake.PartnersAsync(ct);
        return View(new IntakeForm());
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(IntakeForm form, [FromServices] NewIntake intake, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await intake.HandleAsync(form, ct);
            if (outcome is { Succeeded: true, Value: { } admitted })
            {
                TempData["Explanation"] = admitted.Explanation;
                return Redirect($"/intake/{admitted.IntakeId}");
            }
            foreach (var e in outcome.Errors) ModelState.AddModelError("", e);
        }
        ViewData["Partners"] = await intake.PartnersAsync(ct);
        return View(form);
    }

    [HttpGet("{id:int}")]
    [Reaches(Record.Intake, "id")]
    public async Task<IActionResult> Show(int id, [FromServices] IntakeDetails details, CancellationToken ct) =>
        await details.HandleAsync(id, ct) is { } page ? View(page) : NotFound();

    [AuditsView("WaitingList")]
    [HttpGet("waiting")]
    public async Task<IActionResult> Waiting([FromServices] WaitingList list, CancellationToken ct)
    {
        var (rows, fit) = await list.LoadAsync(ct);
        ViewData["Fit"] = fit;
        ViewData["Terms"] = list.Terms;
        return View(rows);
    }

    [HttpPost("waiting/{id:int}/contact")]
    [Reaches(Record.Waiting, "id")]
    public async Task<IActionResult> Contact(int id, WaitingContactForm form, [FromServices] WaitingListWork work, CancellationToken ct)
    {
        var error = (await work.RecordContactAsync(id, form, ct)).Error;
        if (error is null) TempData["Notice"] = form.Reached ? "Contact recorded: her place is kept." : "The try is recorded.";
        else TempData["Error"] = error;
        return Redirect("/intake/waiting");
    }

    [HttpPost("waiting/{id:int}/remove")]
    [Reaches(Record.Waiting, "id")]
    public async Task<IActionResult> Remove(int id, WaitingRemovalForm form, [FromServices] WaitingListWork work, CancellationToken ct)
    {
        var error = ModelState.IsValid ? (await work.RemoveAsync(id, form, ct)).Error : ModelState.FirstError();
        if (error is null) TempData["Notice"] = "She is off the waiting list; the reason is kept.";
        else TempData["Error"] = error;
        return Redirect("/intake/waiting");
    }
}
