using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shelter.Core.Consents;
using Shelter.Core.Data;
using Shelter.Core.Intake;
using Shelter.Core.Validation;
using Shelter.Web.Infrastructure;

namespace Shelter.Web.Features.Residents;

public sealed class ConsentForm
{
    [Required(ErrorMessage = "Choose the partner she agrees to share with.")]
    public int? PartnerId { get; set; }

    [Required(ErrorMessage = "Choose what the sharing is for.")]
    public ConsentPurpose? Purpose { get; set; }

    [DayWithin(DayRange.Ahead, "The end of her consent")]
    public DateOnly? ExpiresOn { get; set; }
}

public sealed class ReferralForm
{
    [Required(ErrorMessage = "Choose the partner.")]
    public int? PartnerId { get; set; }

    [Required(ErrorMessage = "Choose what the referral is for.")]
    public ConsentPurpose? Purpose { get; set; }
}

/// <summary>
/// Her consent per partner and purpose, and referrals made under it. A referral without a
/// valid consent for that partner and purpose is refused: nothing is shared without her say.
/// </summary>
public sealed class Refer(ShelterDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<Outcome> RecordConsentAsync(int residentId, ConsentForm form, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Residents.AnyAsync(r => r.Id == residentId, ct)) return Outcome.Refused("That resident does not exist.");
        if (!await db.Partners.AnyAsync(p => p.Id == form.PartnerId && p.Active, ct))
            return Outcome.Refused("That partner is not in the directory.");
        if (form.ExpiresOn is { } expires && expires < DateOnly.FromDateTime(now))
            return Outcome.Refused("The consent cannot expire in the past.");
        var consent = new Consent
        {
            ResidentId = residentId, PartnerId = form.PartnerId!.Value, Purpose = form.Purpose!.Value,
            GivenAt = now, ExpiresOn = form.ExpiresOn
        };
        db.Consents.Add(consent);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public async Task<Outcome> RevokeAsync(int residentId, int consentId, CancellationToken ct)
    {
        var consent = await db.Consents.FirstOrDefaultAsync(c => c.Id == consentId && c.ResidentId == residentId && c.RevokedAt == null,
            ct);
        if (consent is null) return Outcome.NotFound;
        consent.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public async Task<Outcome> ReferAsync(int residentId, ReferralForm form, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == form.PartnerId && p.Active, ct);
        if (partner is null) return Outcome.Refused("That partner is not in the directory.");
        var consents = await db.Consents.Where(c => c.ResidentId == residentId && c.PartnerId == partner.Id && c.Purpose == form.Purpose)
            .ToListAsync(ct);
        var consent = consents.FirstOrDefault(c => c.IsValidOn(today));
        if (consent is null)
            return Outcome.Refused(L["She has not consented to sharing with {0} for this purpose "
                + "(or her consent expired or was withdrawn). "
                + "Record her consent first; nothing was shared.", partner.Name].Value);

        var referral = new Referral
        {
            ResidentId = residentId, PartnerId = partner.Id, Purpose = form.Purpose!.Value,
            ConsentId = consent.Id, MadeAt = now
        };
        db.Referrals.Add(referral);
        foreach (var waiting in await db.WaitingList.Where(w => w.ResidentId == residentId && w.ClosedAt == null).ToListAsync(ct))
        {
            if (partner.Kind is Core.Partners.PartnerKind.Shelter or Core.Partners.PartnerKind.CrisisCentre)
            {
                waiting.ClosedAt = now;
                waiting.Closed = WaitingClosed.Referred;
            }
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}
