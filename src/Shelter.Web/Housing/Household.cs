using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shelter.Core.Data;
using Shelter.Core.FollowUps;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Web.Infrastructure.Localization;

namespace Shelter.Web.Housing;

/// <summary>
/// A woman's stay with her children's stays beside it: moves, check-outs and terms apply
/// to all of them together.
/// </summary>
public sealed record Household(Stay Hers, IReadOnlyList<Stay> Children)
{
    public IEnumerable<Stay> All => Children.Prepend(Hers);

    /// <summary>What another worker did first, in the site's time and the reader's language (she was checked out
    /// at 21:04, Kyiv time, on 24 Nov by another worker).</summary>
    public static string AlreadyEnded(Stay stay, IStringLocalizer<SharedResource> L)
    {
        var zone = stay.Bed.Room.Site.TimeZoneId;
        var at = Core.Sites.SiteTime.Local(zone, stay.EndedAt!.Value);
        var whose = L.Say(Core.Sites.SiteTime.Label(zone));
        return stay.ExitReason == ExitReason.MovedWithinNetwork
            ? L["She was moved to another bed at {0:HH:mm} ({1}) on {0:dd MMM} by another worker.", at, whose].Value
            : L["She was checked out at {0:HH:mm} ({1}) on {0:dd MMM} by another worker.", at, whose].Value;
    }

    /// <summary>Her stay (tracked, with bed, room and site) and her children's active stays; null if there is no such stay.</summary>
    public static async Task<Household?> LoadAsync(ShelterDbContext db, int stayId, CancellationToken ct)
    {
        // PostgreSQL has no IMMEDIATE: a change to a stay waits for another worker's change to it to
        // end, then reads what that one did ("She was checked out at …"), as it would on SQLite.
        if (db.Database.CurrentTransaction is not null && db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Stays" WHERE "Id" = {stayId} FOR UPDATE""", ct);
        var stay = await db.Stays.Include(s => s.Resident).Include(s => s.Bed).ThenInclude(b => b.Room).ThenInclude(r => r.Site)
            .FirstOrDefaultAsync(s => s.Id == stayId, ct);
        if (stay is null) return null;
        if (stay.ChildId is not null)
        {
            // A child's bed was clicked: act on her mother's stay.
            var hers = await db.Stays.Include(s => s.Resident).Include(s => s.Bed).ThenInclude(b => b.Room).ThenInclude(r => r.Site)
                .Where(s => s.ResidentId == stay.ResidentId && s.ChildId == null)
                .OrderByDescending(s => s.EndedAt == null).ThenByDescending(s => s.StartedAt).FirstOrDefaultAsync(ct);
            if (hers is null) return null;
            stay = hers;
        }
        var children = stay.EndedAt is null
            ? await db.Stays.Include(s => s.Bed).ThenInclude(b => b.Room)
                .Where(s => s.ResidentId == stay.ResidentId && s.ChildId != null && s.EndedAt == null).ToListAsync(ct)
            : [];
        return new Household(stay, children);
    }
}

/// <summary>The review before a stay ends: one open follow-up per stay, moved when the stay changes.</summary>
public static class StayReviews
{
    public static void Open(ShelterDbContext db, Stay hers, RoomKind room, DateTime now) =>
        db.FollowUps.Add(new FollowUp
        {
            Kind = FollowUpKind.StayReview,
            ResidentId = hers.ResidentId,
            StayId = hers.Id,
            DueAt = StayTerms.ReviewDue(room, hers.StartedAt, hers.PlannedEndAt),
            CreatedAt = now,
        });

    /// <summary>Points the open review at the stay as it is now (after a move or new terms).</summary>
    public static async Task RescheduleAsync(ShelterDbContext db, int previousStayId, Stay hers, RoomKind room, DateTime now,
        CancellationToken ct)
    {
        var review = await db.FollowUps.FirstOrDefaultAsync(f => f.Kind == FollowUpKind.StayReview && f.StayId == previousStayId
            && f.Status == FollowUpStatus.Open, ct);
        if (review is null)
        {
            Open(db, hers, room, now);
            return;
        }
        review.StayId = hers.Id;
        review.DueAt = StayTerms.ReviewDue(room, hers.StartedAt, hers.PlannedEndAt);
    }

    public static async Task CloseAsync(ShelterDbContext db, int stayId, DateTime now, CancellationToken ct)
    {
        var open = await db.FollowUps.Where(f => f.Kind == FollowUpKind.StayReview && f.StayId == stayId && f.Status == FollowUpStatus.Open)
            .ToListAsync(ct);
        foreach (var review in open)
        {
            review.Status = FollowUpStatus.Cancelled;
            review.ClosedAt = now;
        }
    }
}
