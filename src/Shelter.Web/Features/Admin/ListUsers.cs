using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;

namespace Shelter.Web.Features.Admin;

public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Sites,
    bool Disabled, bool LockedOut, bool MustChangePassword, bool TwoFactorOn);

/// <summary>Every account with its roles. Accounts only: administrators see no resident data.</summary>
public sealed class ListUsers(ShelterDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var sites = await db.StaffSites.AsNoTracking().Select(s => new { s.UserId, s.Site.Name }).ToListAsync(ct);
        return users.Select(u => new UserRow(
            u.Id, u.Email ?? "", u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(n => n).ToList(),
            sites.Where(s => s.UserId == u.Id).Select(s => s.Name).OrderBy(n => n).ToList(),
            Disabled: u.LockoutEnd == DateTimeOffset.MaxValue,
            LockedOut: u.LockoutEnd is { } end && end > now && end != DateTimeOffset.MaxValue,
            u.MustChangePassword, u.TwoFactorEnabled)).ToList();
    }
}
