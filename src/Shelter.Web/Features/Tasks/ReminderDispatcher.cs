using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Shelter.Core.Accounts;
using Shelter.Core.Data;
using Shelter.Core.FollowUps;
using Shelter.Core.Sites;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Email;
using Shelter.Web.Infrastructure.Integrity;
using Shelter.Web.Infrastructure.Jobs;
using Shelter.Web.Infrastructure.Localization;

namespace Shelter.Web.Features.Tasks;

/// <summary>
/// Sends what is due, within working hours only: a reminder the working day before each
/// follow-up or counselling session, an escalation to managers the working day after work
/// becomes overdue, and each worker's digest at the start of her day. Everything is decided
/// from rows in the database and each email is claimed once (SentNotices), so running it
/// twice, late, or after a restart sends each thing once. A run decides and queues in one
/// transaction (the emails go through the outbox, marked sent only once SMTP accepted them), and
/// runs never overlap. Emails carry counts and links only.
/// </summary>
public sealed class ReminderDispatcher(ShelterDbContext db, UserManager<ShelterUser> users, Outbox outbox, IOptions<ShelterLinks> links,
    TimeProvider clock, IStringLocalizer<SharedResource> L, ILogger<ReminderDispatcher> log) : IScheduleSource
{
    public const string JobId = "reminders:dispatch";
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(8);

    private string Url(string path) => links.Value.PublicUrl.TrimEnd('/') + path;

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task DispatchAsync()
    {
        await using var tx = await db.Database.JoinOrBeginTransactionAsync(CancellationToken.None);
        var now = clock.GetUtcNow().UtcDateTime;
        var hoursBySite = await HoursBySiteAsync();
        var defaultHours = hoursBySite.Values.FirstOrDefault() ?? WorkingHours.Default(Site.DefaultTimeZoneId);
        var sent = 0;
        sent += await RemindFollowUpsAsync(now, hoursBySite, defaultHours);
        sent += await RemindSessionsAsync(now, hoursBySite, defaultHours);
        // Each within the working hours of the site concerned: the follow-up's site, the worker's own sites.
        sent += await EscalateOverdueAsync(now, hoursBySite, defaultHours);
        sent += await DigestsAsync(now, hoursBySite, defaultHours);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        if (sent > 0) log.LogInformation("Reminders: {Count} emails queued", sent);
    }

    /// <summary>When each pending reminder is due to go (for scheduling precise runs after a restart).</summary>
    public async Task<IReadOnlyList<DateTime>> PendingTimesAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hoursBySite = await HoursBySiteAsync();
        var defaultHours = hoursBySite.Values.FirstOrDefault() ?? WorkingHours.Default(Site.DefaultTimeZoneId);
        var followUps = await DueFollowUpsAsync(now);
        var sessions = await db.CounsellingSessions.AsNoTracking()
            .Where(s => s.CancelledAt == null && s.StartsAt > now && s.StartsAt < now + Horizon)
            .Select(s => new { s.StartsAt, s.ResidentId }).ToListAsync();
        var siteOf = await SiteOfResidentsAsync(followUps.Select(f => f.ResidentId).Concat(sessions.Select(s => s.ResidentId)));
        return followUps.Select(f => SendAt(f.DueAt, Hours(f.ResidentId)))
            .Concat(sessions.Select(s => SendAt(s.StartsAt, Hours(s.ResidentId))))
            .Distinct().Order().ToList();

        WorkingHours Hours(int residentId) => siteOf.TryGetValue(residentId, out var site) && hoursBySite.TryGetValue(site, out var h) ? h
            : defaultHours;
    }

    private static DateTime SendAt(DateTime dueUtc, WorkingHours hours) => hours.NextWorkingMoment(hours.ReminderFor(dueUtc));

    private async Task<int> RemindFollowUpsAsync(DateTime now, IReadOnlyDictionary<int, WorkingHours> hoursBySite,
        WorkingHours defaultHours)
    {
        var due = await DueFollowUpsAsync(now);
        var siteOf = await SiteOfResidentsAsync(due.Select(f => f.ResidentId));
        var claimed = new List<(string UserId, FollowUp FollowUp)>();
        foreach (var f in due)
        {
            var hours = siteOf.TryGetValue(f.ResidentId, out var site) && hoursBySite.TryGetValue(site, out var h) ? h : defaultHours;
            if (SendAt(f.DueAt, hours) > now || !hours.IsWorkingTime(now)) continue;
            if (await Notices.ClaimAsync(db, $"reminder:follow-up:{f.Id}:{f.DueAt:yyyyMMddHHmm}", 1,
                clock)) claimed.Add((f.AssignedToUserId!, f));
        }
        var sent = 0;
        foreach (var group in claimed.GroupBy(c => c.UserId))
        {
            var count = group.Count();
            var first = group.Min(g => g.FollowUp.DueAt);
            sent += await SendToAsync(group.Key, () =>
            {
                var subject = count == 1 ? L["A follow-up is due soon"].Value : L["{0} follow-ups are due soon", count].Value;
                return (subject,
                    $"{L["{0}; the first on {1:dd MMM}.", subject, first]}\n\n{L["Open your follow-ups in Shelter:"]}\n{Url("/tasks")}\n");
            });
        }
        return sent;
    }

    private async Task<int> RemindSessionsAsync(DateTime now, IReadOnlyDictionary<int, WorkingHours> hoursBySite, WorkingHours defaultHours)
    {
        var sessions = await db.CounsellingSessions.AsNoTracking()
            .Where(s => s.CancelledAt == null && s.StartsAt > now && s.StartsAt < now + Horizon).ToListAsync();
        var siteOf = await SiteOfResidentsAsync(sessions.Select(s => s.ResidentId));
        var sent = 0;
        foreach (var s in sessions)
        {
            var hours = siteOf.TryGetValue(s.ResidentId, out var site) && hoursBySite.TryGetValue(site, out var h) ? h : defaultHours;
            if (SendAt(s.StartsAt, hours) > now || !hours.IsWorkingTime(now)) continue;
            if (!await Notices.ClaimAsync(db, $"reminder:session:{s.Id}:{s.StartsAt:yyyyMMddHHmm}", 1, clock)) continue;
            foreach (var userId in new[] { s.CounsellorUserId, s.ScheduledByUserId }.Where(u => u is not null).Distinct())
                sent += await SendToAsync(userId!, () => (L["A counselling session is coming up"],
                    $"{L["A child's counselling session is booked for {0}.",
                        L.Say(SiteTime.Show(s.StartsAt, hours.TimeZoneId, "ddd dd MMM HH:mm"))]}\n\n"
                    + $"{L["Open Shelter:"]}\n{Url("/children")}\n"));
        }
        return sent;
    }

    private async Task<int> EscalateOverdueAsync(DateTime now, IReadOnlyDictionary<int, WorkingHours> hoursBySite,
        WorkingHours defaultHours)
    {
        var overdue = await db.FollowUps.AsNoTracking().Where(f => f.Status == FollowUpStatus.Open && f.DueAt < now)
            .Select(f => new { f.Id, f.DueAt, f.ResidentId }).ToListAsync();
        var siteOf = await SiteOfResidentsAsync(overdue.Select(f => f.ResidentId));
        WorkingHours HoursOf(int residentId) => siteOf.TryGetValue(residentId, out var site) && hoursBySite.TryGetValue(site, out var h) ? h
            : defaultHours;
        var fresh = 0;
        foreach (var f in overdue.Where(f => HoursOf(f.ResidentId) is var hours && hours.IsWorkingTime(now)
            && hours.StartOfNextWorkingDay(f.DueAt) <= now))
            if (await Notices.ClaimAsync(db, $"escalation:follow-up:{f.Id}:{f.DueAt:yyyyMMddHHmm}", 1, clock)) fresh++;
        if (fresh == 0) return 0;
        var sent = 0;
        foreach (var manager in await ActiveInRoleAsync(Roles.Manager))
            sent += await SendAsync(manager, () =>
            {
                var subject = fresh == 1 ? L["A follow-up is overdue"].Value : L["{0} follow-ups are overdue", fresh].Value;
                return (subject,
                    $"{L["{0} since the last working day ({1} overdue in all).", subject, overdue.Count]}\n\n"
                        + $"{L["Open Shelter:"]}\n{Url("/")}\n");
            });
        return sent;
    }

    /// <summary>One digest per worker per working day of her sites (her first site's clock and hours).</summary>
    private async Task<int> DigestsAsync(DateTime now, IReadOnlyDictionary<int, WorkingHours> hoursBySite, WorkingHours defaultHours)
    {
        var horizon = now.AddDays(2); // covers the end of "today" in any time zone
        var due = await db.FollowUps.AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Open && f.AssignedToUserId != null && f.DueAt <= horizon)
            .Select(f => new { UserId = f.AssignedToUserId!, f.DueAt }).ToListAsync();
        var userIds = due.Select(d => d.UserId).Distinct().ToList();
        var firstSite = (await db.StaffSites.AsNoTracking().Where(s => userIds.Contains(s.UserId)).Select(s => new { s.UserId, s.SiteId })
            .ToListAsync())
            .GroupBy(s => s.UserId).ToDictionary(g => g.Key, g => g.Min(s => s.SiteId));
        var sent = 0;
        foreach (var mine in due.GroupBy(d => d.UserId))
        {
            var hours = firstSite.TryGetValue(mine.Key, out var site) && hoursBySite.TryGetValue(site, out var h) ? h : defaultHours;
            if (!hours.IsWorkingTime(now)) continue;
            var today = hours.Today(now);
            var endOfToday = SiteTime.EndOfLocalDayUtc(hours.TimeZoneId, today);
            var c = new
            {
                UserId = mine.Key, Overdue = mine.Count(f => f.DueAt < now),
                Today = mine.Count(f => f.DueAt >= now && f.DueAt <= endOfToday)
            };
            if (c.Overdue + c.Today == 0) continue;
            if (!await Notices.ClaimAsync(db, $"digest:{c.UserId}:{today:yyyy-MM-dd}", 1, clock)) continue;
            sent += await SendToAsync(c.UserId, () => (L["Today: {0} overdue, {1} due", c.Overdue, c.Today],
                $"{L["Good morning. You have {0} overdue follow-ups and {1} due today.", c.Overdue, c.Today]}\n\n"
                + $"{L["Open Shelter:"]}\n{Url("/tasks")}\n"));
        }
        return sent;
    }

    private async Task<List<FollowUp>> DueFollowUpsAsync(DateTime now) =>
        await db.FollowUps.AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Open && f.AssignedToUserId != null && f.DueAt > now && f.DueAt < now + Horizon)
            .ToListAsync();

    private async Task<Dictionary<int, WorkingHours>> HoursBySiteAsync() =>
        (await db.Sites.AsNoTracking().OrderBy(s => s.Id).ToListAsync())
            .ToDictionary(s => s.Id, s => WorkingHours.Default(s.TimeZoneId) with { Start = s.WorkdayStarts, End = s.WorkdayEnds });

    private async Task<Dictionary<int, int>> SiteOfResidentsAsync(IEnumerable<int> residentIds)
    {
        var ids = residentIds.Distinct().ToList();
        return await db.Stays.AsNoTracking().Where(s => ids.Contains(s.ResidentId) && s.ChildId == null && s.EndedAt == null)
            .Select(s => new { s.ResidentId, s.Bed.Room.SiteId }).ToDictionaryAsync(s => s.ResidentId, s => s.SiteId);
    }

    private async Task<IReadOnlyList<ShelterUser>> ActiveInRoleAsync(string role) =>
        (await users.GetUsersInRoleAsync(role)).Where(u => u.LockoutEnd != DateTimeOffset.MaxValue && u.Email is not null).ToList();

    private async Task<int> SendToAsync(string userId, Func<(string Subject, string Body)> compose)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null || user.LockoutEnd == DateTimeOffset.MaxValue || user.Email is null ? 0 : await SendAsync(user, compose);
    }

    private Task<int> SendAsync(ShelterUser user, Func<(string Subject, string Body)> compose)
    {
        outbox.EmailTo(user, compose);
        return Task.FromResult(1);
    }

    public async Task RebuildAsync(IRecurringJobManager recurring, IBackgroundJobClient jobs, CancellationToken ct)
    {
        recurring.AddOrUpdate<ReminderDispatcher>(JobId, d => d.DispatchAsync(), "*/5 * * * *");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var at in await PendingTimesAsync())
            jobs.Schedule<ReminderDispatcher>(d => d.DispatchAsync(), at > now ? at - now : TimeSpan.Zero);
    }
}
