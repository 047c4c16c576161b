using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Mvc;

namespace Shelter.Web.Features.Children;

[Route("children")]
public sealed class ChildrenController : Controller
{
    [AuditsView("Children", Which = "in-house")]
    [HttpGet("")]
    [Authorize(Policy = Policies.Children)]
    public async Task<IActionResult> Index([FromServices] ChildServices children, CancellationToken ct) =>
        View(await children.ListAsync(ct));

    [HttpGet("{id:int}")]
    [Reaches(Record.Child, "id")]
    [Authorize(Policy = Policies.Children)]
    public async Task<IActionResult> Show(int id, [FromServices] ChildServices children, CancellationToken ct) =>
        await children.PageAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}")]
    [Reaches(Record.Child, "id")]
    [Authorize(Policy = Policies.Children)]
    public async Task<IActionResult> Save(int id, ChildForm form, [FromServices] ChildServices children, CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await children.SaveAsync(id, form, ct) : Outcome.Refused(ModelState.FirstError());
        if (outcome.Missing) return NotFound();
        this.Tell(outcome.Error, "Saved.");
        return Redirect($"/children/{id}");
    }

    [HttpPost("{id:int}/sessions")]
    [Reaches(Record.Child, "id")]
    [Authorize(Policy = Policies.ScheduleCounselling)]
    public async Task<IActionResult> Schedule(int id, SessionForm form, [FromServices] ChildServices children, CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await children.ScheduleAsync(id, form, User, ct) : Outcome.Refused(ModelState.FirstError());
        if (outcome.Missing) return NotFound();
        this.Tell(outcome.Error, "The session is booked.");
        // What was chosen and typed comes back with the refusal (TempData, not the address: it is about a child).
        if (!outcome.Succeeded) TempData["KeptSession"] = System.Text.Json.JsonSerializer.Serialize(form);
        return Redirect($"/children/{id}#sessions");
    }

    [HttpPost("sessions/{sessionId:int}")]
    [Reaches(Record.Session, "sessionId")]
    [Authorize(Policy = Policies.ScheduleCounselling)]
    public async Task<IActionResult> Attendance(int sessionId, bool? attended, bool cancel, [FromServices] ChildServices children,
        CancellationToken ct)
    {
        var childId = await children.ChildOfSessionAsync(sessionId, ct);
        if (childId is null) return NotFound();
        var outcome = await children.AttendanceAsync(sessionId, attended, cancel, ct);
        if (outcome.Missing) return NotFound();
        this.Tell(outcome.Error, cancel ? "The session is cancelled." : "Attendance is recorded.");
        return Redirect($"/children/{childId}#sessions");
    }

}
