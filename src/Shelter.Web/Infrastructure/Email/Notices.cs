using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Data;
using Shelter.Core.Notices;
using Shelter.Web.Infrastructure.Integrity;

namespace Shelter.Web.Infrastructure.Email;

/// <summary>
/// Once-only emails. The decision to send (the notice's key) and the emails themselves (outbox
/// rows) are written in one transaction, so a notice is decided once however often or however
/// concurrently a job runs, and each email stays in the outbox until the SMTP server accepted it.
/// </summary>
public static class Notices
{
    /// <summary>
    /// Claims the key in the caller's transaction (saved with the caller's next save); false when it
    /// was claimed already. Run inside a transaction, so a parallel run waits instead of colliding.
    /// </summary>
    public static async Task<bool> ClaimAsync(ShelterDbContext db, string key, int recipients, TimeProvider clock)
    {
        if (db.SentNotices.Local.Any(n => n.Key == key) || await db.SentNotices.AnyAsync(n => n.Key == key)) return false;
        db.SentNotices.Add(new SentNotice { Key = key, SentAt = clock.GetUtcNow().UtcDateTime, Recipients = recipients });
        return true;
    }

    /// <summary>
    /// Queues one email to each person unless the key was already decided; false when it was.
    /// Each is written in her own language (<paramref name="compose"/> runs once per recipient).
    /// </summary>
    public static async Task<bool> QueueOnceAsync(ShelterDbContext db, Outbox outbox, TimeProvider clock, string key,
        IReadOnlyList<ShelterUser> to, Func<(string Subject, string Body)> compose)
    {
        await using var tx = await db.Database.JoinOrBeginTransactionAsync(CancellationToken.None);
        if (!await ClaimAsync(db, key, to.Count, clock)) return false;
        foreach (var person in to) outbox.EmailTo(person, compose);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return true;
    }
}
