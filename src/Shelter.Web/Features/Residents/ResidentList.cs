using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure.Auth;

namespace Shelter.Web.Features.Residents;

public sealed record ResidentRow(int Id, string Alias, int Children, string? Where, bool Waiting, DateTime RegisteredAt);

/// <summary>Women in the house tonight and those waiting; a search finds anyone by the name she gave.</summary>
public sealed class ResidentList(ShelterDbContext db, SiteScope scope)
{
    public async Task<IReadOnlyList<ResidentRow>> HandleAsync(string? search, CancellationToken ct)
    {
        var query = db.Residents.AsNoTracking();
        if (string.IsNullOrWhiteSpace(search))
            query = query.Where(r => db.Stays.Any(s => s.ResidentId == r.Id && s.EndedAt == null)
                || db.WaitingList.Any(w => w.ResidentId == r.Id && w.ClosedAt == null));
        else
            query = query.Where(r => EF.Functions.Like(r.Alias, $"%{search.Trim()}%"));
        query = await scope.OnlyReachableAsync(query, ct);
        var rows = await query.OrderBy(r => r.Alias).Take(200)
            .Select(r => new ResidentRow(r.Id, r.Alias, r.Children.Count,
                db.Stays.Where(s => s.ResidentId == r.Id && s.ChildId == null && s.EndedAt == null)
                    .Select(s => s.Bed.Room.Site.Name + " · " + s.Bed.Label).FirstOrDefault(),
                db.WaitingList.Any(w => w.ResidentId == r.Id && w.ClosedAt == null), r.RegisteredAt))
            .ToListAsync(ct);
        return rows;
    }
}
