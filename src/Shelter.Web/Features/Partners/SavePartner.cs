using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Partners;
using Shelter.Web.Features.Shared;
using Shelter.Web.Infrastructure;

namespace Shelter.Web.Features.Partners;

public sealed class PartnerForm
{
    [Required(ErrorMessage = "Give the partner's name.")]
    [StringLength(160, ErrorMessage = "Keep the name under 160 characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Choose what kind of service it is.")]
    public PartnerKind? Kind { get; set; }

    [StringLength(60, ErrorMessage = "Keep the phone number under 60 characters.")]
    public string? Phone { get; set; }

    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [StringLength(200, ErrorMessage = "Keep the email address under {1} characters.")]
    public string? Email { get; set; }

    [StringLength(300, ErrorMessage = "Keep the address under 300 characters.")]
    public string? Address { get; set; }

    public Acceptance AcceptsDrugUse { get; set; }
    public Acceptance AcceptsOst { get; set; }
    public Acceptance AcceptsArt { get; set; }
    public Acceptance AcceptsChildren { get; set; }
    [Range(0, 17, ErrorMessage = "Give the oldest boy's age from 0 to 17, or leave it empty if not known.")]
    public int? BoysUpToAge { get; set; }
    public Acceptance AcceptsWithoutDocuments { get; set; }
    public Acceptance AcceptsTransWomen { get; set; }
    public Acceptance AcceptsWheelchair { get; set; }
    /// <summary>When these answers were last confirmed with the partner.</summary>
    public DateOnly? AcceptanceConfirmedOn { get; set; }

    /// <summary>For a dispensing site: the days of the week it opens (none ticked: not recorded).</summary>
    public List<DayOfWeek> OpenDays { get; set; } = [];

    [StringLength(1000, ErrorMessage = "Keep the notes under 1000 characters.")]
    public string? Notes { get; set; }

    public bool Active { get; set; } = true;
}

/// <summary>Adds or changes a partner in the referral directory.</summary>
public sealed class SavePartner(ShelterDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Partner>> ListAsync(CancellationToken ct) =>
        await db.Partners.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(ct);

    public async Task<PartnerForm?> LoadAsync(int id, CancellationToken ct) =>
        await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } p
            ? new PartnerForm
            {
                Name = p.Name, Kind = p.Kind, Phone = p.Phone, Email = p.Email, Address = p.Address, Notes = p.Notes, Active = p.Active,
                AcceptsDrugUse = p.AcceptsDrugUse, AcceptsOst = p.AcceptsOst, AcceptsArt = p.AcceptsArt, AcceptsChildren =
                    p.AcceptsChildren,
                BoysUpToAge = p.BoysUpToAge, AcceptsWithoutDocuments = p.AcceptsWithoutDocuments, AcceptsTransWomen = p.AcceptsTransWomen,
                AcceptsWheelchair = p.AcceptsWheelchair, AcceptanceConfirmedOn = p.AcceptanceConfirmedOn,
                OpenDays = p.OpeningDays?.ToList() ?? [],
            }
            : null;

    public async Task<Outcome> HandleAsync(int? id, PartnerForm form, CancellationToken ct)
    {
        if (form.AcceptanceConfirmedOn is { } on && on > Core.Validation.InputBounds.LatestToday(clock.GetUtcNow().UtcDateTime))
            return Outcome.Refused("The date it was last confirmed cannot be in the future.");
        var name = form.Name.Trim();
        if (await db.Partners.AnyAsync(p => p.Name == name && p.Id != id, ct))
            return Outcome.Refused("A partner with that name is already in the directory.");
        var partner = id is int existing ? await db.Partners.FindAsync([existing], ct) : new Partner { Name = name };
        if (partner is null) return Outcome.Refused("That partner no longer exists.");
        partner.Name = name;
        partner.Kind = form.Kind!.Value;
        partner.Phone = FormText.Clean(form.Phone);
        partner.Email = FormText.Clean(form.Email);
        partner.Address = FormText.Clean(form.Address);
        partner.Notes = FormText.Clean(form.Notes);
        partner.Active = form.Active;
        partner.AcceptsDrugUse = form.AcceptsDrugUse;
        partner.AcceptsOst = form.AcceptsOst;
        partner.AcceptsArt = form.AcceptsArt;
        partner.AcceptsChildren = form.AcceptsChildren;
        partner.BoysUpToAge = form.AcceptsChildren == Acceptance.No ? null : form.BoysUpToAge;
        partner.AcceptsWithoutDocuments = form.AcceptsWithoutDocuments;
        partner.AcceptsTransWomen = form.AcceptsTransWomen;
        partner.AcceptsWheelchair = form.AcceptsWheelchair;
        partner.AcceptanceConfirmedOn = form.AcceptanceConfirmedOn;
        partner.OpenDays = Partner.DaysToBits(form.OpenDays);
        if (id is null) db.Partners.Add(partner);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}
