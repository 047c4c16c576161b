using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Mvc;

namespace Shelter.Web.Features.Documents;

[Route("documents")]
[Authorize(Policy = Policies.Medication)] // documents and medical records are the case manager's, like medication
public sealed class DocumentsController : Controller
{
    [AuditsView("DocumentRecoveries", Which = "open")]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] DocumentWork work, CancellationToken ct) => View(await work.OpenAsync(ct));

    [HttpGet("{id:int}")]
    [Reaches(Record.Document, "id")]
    public async Task<IActionResult> Show(int id, [FromServices] DocumentWork work, CancellationToken ct) =>
        await work.PageAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("residents/{residentId:int}")]
    [Reaches(Record.Resident, "residentId")]
    public async Task<IActionResult> Start(int residentId, NewRecoveryForm form, [FromServices] DocumentWork work, CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest();
        var outcome = await work.StartAsync(residentId, form, ct);
        if (outcome.Missing) return NotFound();
        if (!outcome.Succeeded) { TempData["Error"] = outcome.Error; return Redirect($"/residents/{residentId}"); }
        return Redirect($"/documents/{outcome.Value}");
    }

    [HttpPost("{id:int}/steps")]
    [Reaches(Record.Document, "id")]
    public async Task<IActionResult> Step(int id, RecoveryStepForm form, [FromServices] DocumentWork work, CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await work.StepAsync(id, form, ct) : Outcome.Refused(ModelState.FirstError());
        if (outcome.Missing) return NotFound();
        this.Tell(outcome.Error, "The step is recorded.");
        return Redirect($"/documents/{id}");
    }

    [HttpPost("{id:int}/declined")]
    [Reaches(Record.Document, "id")]
    public async Task<IActionResult> Declined(int id, [FromServices] DocumentWork work, CancellationToken ct)
    {
        var outcome = await work.DeclineAsync(id, ct);
        if (outcome.Missing) return NotFound();
        this.Tell(outcome.Error, "Recorded as her choice: she declined.");
        return Redirect($"/documents/{id}");
    }
}
