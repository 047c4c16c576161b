using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Caching;
using Shelter.Web.Infrastructure.Mvc;

namespace Shelter.Web.Features.Residents;

[Route("residents")]
public sealed class ResidentsController : Controller
{
    [KeptPerWorker]
    [AuditsView("ResidentList")]
    [HttpGet("")]
    [Authorize(Policy = Policies.ResidentWork)]
    public async Task<IActionResult> Index(string? q, [FromServices] ResidentList list, CancellationToken ct)
    {
        ViewData["Search"] = q;
        return View(await list.HandleAsync(q, ct));
    }

    [KeptPerWorker]
    [HttpGet("{id:int}")]
    [Reaches(Record.Resident, "id")]
    [Authorize(Policy = Policies.ResidentWork)]
    public async Task<IActionResult> Show(int id, [FromServices] ResidentRecord record, [FromServices] ShelterDbContext db,
        CancellationToken ct)
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
        var error = ModelState.IsValid ? (await refer.RecordConsentAsync(id, form, ct)).Error : ModelState.FirstError();
        if (error is null) TempData["Notice"] = "Her consent is recorded.";
        else Keep("consent", error, form.PartnerId, form.Purpose, form.ExpiresOn);
        return Redirect($"/residents/{id}#consents");
    }

    [HttpPost("{id:int}/consents/{consentId:int}/revoke")]
    [Reaches(Record.Resident, "id")]
    [Authorize(Policy = Policies.Intake)]
    public async Task<IActionResult> Revoke(int id, int consentId, bool confirmed, [FromServices] Refer refer, CancellationToken ct)
    {
        // Withdrawing stops all sharing under it: only after the worker confirmed it is what she wants.
        if (!confirmed)
        {
            TempData["Error"] = "Confirm that she withdraws this consent: nothing was changed.";
            return Redirect($"/residents/{id}#consents");
        }
        if ((await refer.RevokeAsync(id, consentId, ct)).Missing) return NotFound();
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
        var error = ModelState.IsValid ? (await refer.ReferAsync(id, form, ct)).Error : ModelState.FirstError();
        if (error is null) TempData["Notice"] = "The referral is recorded.";
        else Keep("refer", error, form.PartnerId, form.Purpose, null);
        return Redirect($"/residents/{id}#refer");
    }

    /// <summary>
    /// A refused form keeps what was chosen (above all the partner, so consent is never recorded for the wrong one).
    /// Kept in TempData (the encrypted cookie), not in the address: which partner and purpose is her data.
    /// </summary>
    private void Keep(string form, string error, int? partnerId, Core.Consents.ConsentPurpose? purpose, DateOnly? expiresOn)
    {
        TempData["Error"] = error;
        TempData["Kept"] = $"{form}|{partnerId}|{purpose}|{expiresOn:yyyy-MM-dd}";
    }
}
