using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Stays;
using Shelter.Web.Housing;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;

namespace Shelter.Web.Features.Stays;

[Route("stays")]
[Authorize(Policy = Policies.Housing)]
public sealed class StaysController : Controller
{
    [AuditsView("CheckIn", Which = "women-without-a-bed")]
    [HttpGet("check-in")]
    [Reaches(Record.Bed, "bedId")]
    [Reaches(Record.Resident, "residentId")]
    public async Task<IActionResult> CheckIn(int? bedId, int? residentId, [FromServices] CheckIn checkIn, CancellationToken ct) =>
        View(await checkIn.PageAsync(await checkIn.FormAsync(bedId, residentId, ct), false, ct));

    [HttpPost("check-in")]
    [Reaches(Record.Bed, "form.BedId")]
    [Reaches(Record.Resident, "form.ResidentId")]
    public async Task<IActionResult> CheckIn(CheckInForm form, string? intent, [FromServices] CheckIn checkIn, CancellationToken ct)
    {
        if (intent == "suggest" || !ModelState.IsValid)
        {
            var page = await checkIn.PageAsync(form, false, ct);
            if (intent == "suggest") { ModelState.Remove(nameof(form.BedId)); form.BedId = page.Suggestion?.Suggestion?.BedId; }
            return View(page);
        }
        var outcome = await checkIn.HandleAsync(form, ct);
        if (outcome is { Succeeded: true, Value: { } checkedIn })
        {
            TempData["Notice"] = "She is checked in.";
            return Redirect($"/stays/{checkedIn.StayId}");
        }
        if (outcome.Error == Stays.CheckIn.BedTaken)
        {
            // Show the next suggestion in place of the bed that was taken.
            ModelState.Remove(nameof(form.BedId));
            form.BedId = null;
            var again = await checkIn.PageAsync(form, true, ct);
            form.BedId = again.Suggestion?.Suggestion?.BedId;
            foreach (var e in outcome.Errors) ModelState.AddModelError("", e);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(again);
        }
        foreach (var e in outcome.Errors) ModelState.AddModelError("", e);
        return View(await checkIn.PageAsync(form, false, ct));
    }

    [HttpGet("{id:int}")]
    [Reaches(Record.Stay, "id")]
    public async Task<IActionResult> Show(int id, [FromServices] ShelterDbContext db, CancellationToken ct)
    {
        var household = await Household.LoadAsync(db, id, ct);
        if (household is null) return NotFound();
        var extensions = await db.StayExtensions.Where(e => e.StayId == household.Hers.Id).OrderBy(e => e.Id).ToListAsync(ct);
        return View(new StayPage(household, extensions));
    }

    [HttpGet("{id:int}/move")]
    [Reaches(Record.Stay, "id")]
    public async Task<IActionResult> Move(int id, [FromServices] Move move, CancellationToken ct) =>
        await move.PageAsync(id, new MoveForm(), ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/move")]
    [Reaches(Record.Stay, "id")]
    [Reaches(Record.Bed, "form.BedId")]
    public async Task<IActionResult> Move(int id, MoveForm form, [FromServices] Move move, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await move.HandleAsync(id, form, ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = "She has moved.";
                return Redirect($"/stays/{outcome.Value}");
            }
            ModelState.AddModelError("", outcome.Error!);
        }
        return await move.PageAsync(id, form, ct) is { } page ? View(page) : NotFound();
    }

    [HttpGet("{id:int}/check-out")]
    [Reaches(Record.Stay, "id")]
    public async Task<IActionResult> CheckOut(int id, [FromServices] ShelterDbContext db, CancellationToken ct) =>
        await Household.LoadAsync(db, id, ct) is { } household ? View(new CheckOutPage(household, new CheckOutForm())) : NotFound();

    [HttpPost("{id:int}/check-out")]
    [Reaches(Record.Stay, "id")]
    public async Task<IActionResult> CheckOut(int id, CheckOutForm form, [FromServices] CheckOut checkOut,
        [FromServices] ShelterDbContext db, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await checkOut.HandleAsync(id, form, ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = "The stay has ended.";
                return Redirect("/beds");
            }
            ModelState.AddModelError("", outcome.Error!);
        }
        return await Household.LoadAsync(db, id, ct) is { } household ? View(new CheckOutPage(household, form)) : NotFound();
    }

    [HttpGet("{id:int}/terms")]
    [Reaches(Record.Stay, "id")]
    public async Task<IActionResult> Terms(int id, [FromServices] ShelterDbContext db, CancellationToken ct)
    {
        var household = await Household.LoadAsync(db, id, ct);
        if (household is null) return NotFound();
        var zone = household.Hers.Bed.Room.Site.TimeZoneId;
        var form = new TermsForm
        {
            EndOn = Core.Sites.SiteTime.Today(zone, household.Hers.PlannedEndAt),
            Conditions = household.Hers.Conditions
        };
        return View(new TermsPage(household, form));
    }

    [HttpPost("{id:int}/terms")]
    [Reaches(Record.Stay, "id")]
    public async Task<IActionResult> Terms(int id, TermsForm form, [FromServices] Terms terms, [FromServices] ShelterDbContext db,
        CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await terms.HandleAsync(id, form, ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = "The terms of her stay are saved.";
                return Redirect($"/stays/{id}");
            }
            ModelState.AddModelError("", outcome.Error!);
        }
        return await Household.LoadAsync(db, id, ct) is { } household ? View(new TermsPage(household, form)) : NotFound();
    }
}

public sealed record StayPage(Household Household, IReadOnlyList<StayExtension> Extensions);
public sealed record CheckOutPage(Household Household, CheckOutForm Form);
public sealed record TermsPage(Household Household, TermsForm Form);
