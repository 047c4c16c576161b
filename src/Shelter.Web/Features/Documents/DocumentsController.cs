using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
        var (id, error) = await work.StartAsync(residentId, form, ct);
        if (id is null) { TempData["Error"] = error; return Redirect($"/residents/{residentId}"); }
        return Redirect($"/documents/{id}");
    }

    [HttpPost("{id:int}/steps")]
    [Reaches(Record.Document, "id")]
    public async Task<IActionResult> Step(int id, RecoveryStepForm form, [FromServices] DocumentWork work, CancellationToken ct)
    {
        var error = ModelState.IsValid ? await work.StepAsync(id, form, ct) : ModelState.FirstError();
        if (error is null) TempData["Notice"] = "The step is recorded.";
        else TempData["Error"] = error;
        return Redirect($"/documents/{id}");
    }

    [HttpPost("{id:int}/declined")]
    [Reaches(Record.Document, "id")]
    public async Task<IActionResult> Declined(int id, [FromServices] DocumentWork work, CancellationToken ct)
    {
        var error = await work.DeclineAsync(id, ct);
        if (error is null) TempData["Notice"] = "Recorded as her choice: she declined.";
        else TempData["Error"] = error;
        return Redirect($"/documents/{id}");
    }
}
