using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Data;

namespace Shelter.Web.Infrastructure.Auth;

public sealed record SiteOption(int Id, string Name);

/// <summary>Which sites an account works at. Site names only: administrators see no resident data.</summary>
public static class StaffSites
{
    public static async Task<IReadOnlyList<SiteOption>> OptionsAsync(ShelterDbContext db, CancellationToken ct = default) =>
        await db.Sites.AsNoTracking().OrderBy(s => s.Name).Select(s => new SiteOption(s.Id, s.Name)).ToListAsync(ct);

    /// <summary>Replaces her sites with the chosen ones that exist; saved with the caller's SaveChanges.</summary>
    public static async Task SetAsync(ShelterDbContext db, string userId, IEnumerable<int> chosen)
    {
        var wanted = chosen.Distinct().ToList();
        var existing = await db.Sites.Where(s => wanted.Contains(s.Id)).Select(s => s.Id).ToListAsync();
        var current = await db.StaffSites.Where(s => s.UserId == userId).ToListAsync();
        db.StaffSites.RemoveRange(current.Where(s => !existing.Contains(s.SiteId)));
        db.StaffSites.AddRange(existing.Where(id => current.All(s => s.SiteId != id))
            .Select(id => new StaffSite { UserId = userId, SiteId = id }));
    }
}
