using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shelter.Core.Data;
using Shelter.Core.Sites;
using Shelter.Web.Features.Shared;
using Shelter.Web.Infrastructure;

namespace Shelter.Web.Features.Sites;

public sealed class SiteForm
{
    [Required(ErrorMessage = "Give the site a name.")]
    [StringLength(120, ErrorMessage = "Keep the name under 120 characters.")]
    public string Name { get; set; } = "";

    public bool IsAddressConfidential { get; set; }

    [StringLength(300, ErrorMessage = "Keep the address under 300 characters.")]
    public string? Address { get; set; }

    [Range(1, 730, ErrorMessage = "The maximum stay is 1 to 730 days.")]
    public int MaxStayDays { get; set; } = 90;

    [Range(1, 336, ErrorMessage = "The maximum safe-room stay is 1 to 336 hours.")]
    public int MaxSafeRoomStayHours { get; set; } = 72;

    [Required(ErrorMessage = "Give the site's time zone, for example Europe/Kyiv.")]
    public string TimeZoneId { get; set; } = Core.Sites.Site.DefaultTimeZoneId;
}

/// <summary>Creates or changes a site; its maximum stays apply to stays that start after the change.</summary>
public sealed class SaveSite(ShelterDbContext db, IStringLocalizer<SharedResource> L)
{
    public async Task<SiteForm?> LoadAsync(int id, CancellationToken ct) =>
        await db.Sites.Where(s => s.Id == id).Select(s => new SiteForm
        {
            Name = s.Name, IsAddressConfidential = s.IsAddressConfidential, Address = s.Address,
            MaxStayDays = s.MaxStayDays, MaxSafeRoomStayHours = s.MaxSafeRoomStayHours, TimeZoneId = s.TimeZoneId,
        }).FirstOrDefaultAsync(ct);

    /// <summary>The site's id once saved.</summary>
    public async Task<Outcome<int>> HandleAsync(int? id, SiteForm form, CancellationToken ct)
    {
        if (!SiteTime.IsKnown(form.TimeZoneId))
            return Outcome.Refused<int>(
                L["\"{0}\" is not a time zone this server knows; use a name like Europe/Kyiv.", form.TimeZoneId].Value);
        var name = form.Name.Trim();
        if (await db.Sites.AnyAsync(s => s.Name == name && s.Id != id, ct))
            return Outcome.Refused<int>("Another site already has that name.");
        var site = id is int existing ? await db.Sites.FindAsync([existing], ct) : new Site { Name = name };
        if (site is null) return Outcome.Refused<int>("That site no longer exists.");
        site.Name = name;
        site.IsAddressConfidential = form.IsAddressConfidential;
        site.Address = FormText.Clean(form.Address);
        site.MaxStayDays = form.MaxStayDays;
        site.MaxSafeRoomStayHours = form.MaxSafeRoomStayHours;
        site.TimeZoneId = form.TimeZoneId;
        if (id is null) db.Sites.Add(site);
        await db.SaveChangesAsync(ct);
        return Outcome.Made(site.Id);
    }
}
