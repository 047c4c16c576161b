using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Caching;
using Shelter.Web.Infrastructure.Mvc;

namespace Shelter.Web.Features.Beds;

[Route("beds")]
public sealed class BedsController : Controller
{
    [KeptPerWorker]
    [AuditsView("BedBoard", Which = "all")]
    [HttpGet("")]
    [Authorize(Policy = Policies.BedBoard)]
    public async Task<IActionResult> Index(string? site, int? hold, [FromServices] Board board, CancellationToken ct) =>
        View("Board", await board.HandleAsync(site, hold, ct));

    // The board's one hold form sends the bed as a field (bedId); the bed's own address still answers.
    // Both forms send the site she was looking at, so she lands back on it.
    [HttpPost("hold")]
    [HttpPost("{bedId:int}/hold")]
    [Reaches(Record.Bed, "bedId")]
    [Authorize(Policy = Policies.Housing)]
    public async Task<IActionResult> Hold(int bedId, HoldForm form, string? site, [FromServices] Hold hold,
        [FromServices] IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            TempData["Error"] = ModelState.FirstError();
            return Redirect(Board.Address(site));
        }
        var outcome = await hold.HandleAsync(bedId, form, ct);
        if (outcome.Missing) return NotFound();
        if (outcome.Succeeded) TempData["Notice"] = L["The bed is held for {0} hours.", form.Hours].Value;
        else TempData["Error"] = outcome.Error;
        return Redirect(Board.Address(site));
    }

    [HttpPost("holds/{holdId:int}/release")]
    [Reaches(Record.Hold, "holdId")]
    [Authorize(Policy = Policies.Housing)]
    public async Task<IActionResult> ReleaseHold(int holdId, string? site, [FromServices] Hold hold, CancellationToken ct)
    {
        if ((await hold.CancelAsync(holdId, ct)).Missing) return NotFound();
        TempData["Notice"] = "The hold is released; the bed is free.";
        return Redirect(Board.Address(site));
    }
}
