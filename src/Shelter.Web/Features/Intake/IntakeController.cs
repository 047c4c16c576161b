using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Audit;

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
            var result = await intake.HandleAsync(form, ct);
            if (result.IntakeId is int id)
            {
                TempData["Explanation"] = result.Explanation;
                return Redirect($"/intake/{id}");
            }
            foreach (var e in result.Errors) ModelState.AddModelError("", e);
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
    public async Task<IActionResult> Waiting([FromServices] WaitingList list, CancellationToken ct) =>
        View(await list.HandleAsync(ct));
}
