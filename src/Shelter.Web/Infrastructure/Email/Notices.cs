using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;
using Shelter.Core.Notices;

namespace Shelter.Web.Infrastructure.Email;

/// <summary>
/// Once-only emails. A job claims the notice's key before it sends (the unique index lets one
/// claim win), so two runs at the same moment still send once; a failed send gives the claim back.
/// </summary>
public static class Notices
{
    public static async Task<bool> ClaimAsync(ShelterDbContext db, string key, int recipients, TimeProvider clock)
    {
        if (await db.SentNotices.AnyAsync(n => n.Key == key)) return false;
        var notice = new SentNotice { Key = key, SentAt = clock.GetUtcNow().UtcDateTime, Recipients = recipients };
        db.SentNotices.Add(notice);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(notice).State = EntityState.Detached;
            return false;
        }
    }

    public static async Task ReleaseAsync(ShelterDbContext db, string key) =>
        await db.SentNotices.Where(n => n.Key == key).ExecuteDeleteAsync();
}
