using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Mvc;

namespace Shelter.Web.Features.Employment;

[Route("employment/residents/{residentId:int}")]
[Authorize(Policy = Policies.Employment)]
public sealed class EmploymentController : Controller
{
    [AuditsView("JobSearch", "residentId")]
    [HttpGet("")]
    [Reaches(Record.Resident, "residentId")]
    public async Task<IActionResult> Show(int residentId, [FromServices] JobSearchWork work, CancellationToken ct) =>
        await work.PageAsync(residentId, ct) is { } page ? View(page) : NotFound();

    [HttpPost("start")]
    [Reaches(Record.Resident, "residentId")]
    public async Task<IActionResult> Start(int residentId, [FromServices] JobSearchWork work, CancellationToken ct) =>
        Done(residentId, await work.StartAsync(residentId, ct), "The job search is open.");

    [HttpPost("steps")]
    [Reaches(Record.Resident, "residentId")]
    public async Task<IActionResult> Step(int residentId, JobStepForm form, [FromServices] JobSearchWork work, CancellationToken ct) =>
        Done(residentId, ModelState.IsValid ? await work.StepAsync(residentId, form, ct) : Outcome.Refused(ModelState.FirstError()),
            "The step is recorded.");

    [HttpPost("declined")]
    [Reaches(Record.Resident, "residentId")]
    public async Task<IActionResult> Declined(int residentId, [FromServices] JobSearchWork work, CancellationToken ct) =>
        Done(residentId, await work.DeclineAsync(residentId, ct), "Recorded as her choice: she declined.");

    private IActionResult Done(int residentId, Outcome outcome, string notice)
    {
        if (outcome.Missing) return NotFound();
        this.Tell(outcome.Error, notice);
        return Redirect($"/employment/residents/{residentId}");
    }
}
