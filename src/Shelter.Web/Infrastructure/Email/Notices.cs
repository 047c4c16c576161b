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

    /// <summary>Sends one email to each address unless the key was already sent; false when it was.</summary>
    public static async Task<bool> SendOnceAsync(ShelterDbContext db, IEmailSender email, TimeProvider clock, string key, IReadOnlyList<string> to, string subject, string body)
    {
        if (!await ClaimAsync(db, key, to.Count, clock)) return false;
        try
        {
            foreach (var address in to)
                await email.SendAsync(new EmailMessage(address, subject, body));
        }
        catch
        {
            await ReleaseAsync(db, key); // let Hangfire's retry send it
            throw;
        }
        return true;
    }
}
