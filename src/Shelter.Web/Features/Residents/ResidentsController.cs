using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Mvc;
using Shelter.Web.Infrastructure.Audit;

namespace Shelter.Web.Features.Residents;

[Route("residents")]
public sealed class ResidentsController : Controller
{
    [AuditsView("ResidentList")]
    [HttpGet("")]
    [Authorize(Policy = Policies.ResidentWork)]
    public async Task<IActionResult> Index(string? q, [FromServices] ResidentList list, CancellationToken ct)
    {
        ViewData["Search"] = q;
        return View(await list.HandleAsync(q, ct));
    }

    [HttpGet("{id:int}")]
    [Reaches(Record.Resident, "id")]
    [Authorize(Policy = Policies.ResidentWork)]
    public async Task<IActionResult> Show(int id, [FromServices] ResidentRecord record, [FromServices] ShelterDbContext db, CancellationToken ct)
    {
        var page = await record.HandleAsync(id, User, ct);
        if (page is null) return NotFound();
        ViewData["Partners"] = await db.Partners.AsNoTracking().Where(p => p.Active).OrderBy(p => p.Name).ToListAsync(ct);
        return View(page);
    }

    [HttpPost("{id:int}/consents")]
    [Reaches(Record.Resident, "id")]
    [Authorize(Policy = Policies.Intake)]
    public async Task<IActionResult> Consent(int id, ConsentForm form, [FromServices] Refer refer, CancellationToken ct)
    {
        var error = ModelState.IsValid ? await refer.RecordConsentAsync(id, form, ct) : ModelState.FirstError();
        if (error is null) TempData["Notice"] = "Her consent is recorded.";
        else TempData["Error"] = error;
        return Redirect($"/residents/{id}#consents");
    }

    [HttpPost("{id:int}/consents/{consentId:int}/revoke")]
    [Reaches(Record.Resident, "id")]
    [Authorize(Policy = Policies.Intake)]
    public async Task<IActionResult> Revoke(int id, int consentId, [FromServices] Refer refer, CancellationToken ct)
    {
        if (!await refer.RevokeAsync(id, consentId, ct)) return NotFound();
        TempData["Notice"] = "Her consent is withdrawn; nothing more is shared under it.";
        return Redirect($"/residents/{id}#consents");
    }

    [HttpGet("{id:int}/referrals/new")]
    [Reaches(Record.Resident, "id")]
    [Authorize(Policy = Policies.Intake)]
    public IActionResult Referral(int id, int? partnerId) => Redirect($"/residents/{id}?partnerId={partnerId}#refer");

    [HttpPost("{id:int}/referrals")]
    [Reaches(Record.Resident, "id")]
    [Authorize(Policy = Policies.Intake)]
    public async Task<IActionResult> Referral(int id, ReferralForm form, [FromServices] Refer refer, CancellationToken ct)
    {
        var error = ModelState.IsValid ? await refer.ReferAsync(id, form, ct) : ModelState.FirstError();
        if (error is null) TempData["Notice"] = "The referral is recorded.";
        else TempData["Error"] = error;
        return Redirect($"/residents/{id}#refer");
    }
}
