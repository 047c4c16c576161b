using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shelter.Core.Accounts;
using Shelter.Core.Children;
using Shelter.Core.Data;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Validation;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Integrity;
using Shelter.Web.Infrastructure.Localization;

namespace Shelter.Web.Features.Children;

public sealed class ChildForm
{
    [StringLength(160, ErrorMessage = "Keep the school's name under 160 characters.")]
    public string? School { get; set; }

    [StringLength(500, ErrorMessage = "Keep the childcare needs under 500 characters.")]
    public string? ChildcareNeeds { get; set; }
}

public sealed class SessionForm
{
    /// <summary>A colleague who counsels children…</summary>
    public string? CounsellorUserId { get; set; }

    /// <summary>…or a partner's child psychotherapist, by name.</summary>
    [StringLength(120, ErrorMessage = "Keep the counsellor's name under 120 characters.")]
    public string? CounsellorName { get; set; }

    /// <summary>A counselling room at the site where she and the child stay.</summary>
    [Required(ErrorMessage = "Choose the room.")]
    public int? CounsellingRoomId { get; set; }

    [Required(ErrorMessage = "Choose the day.")]
    [DayWithin(DayRange.CaseWork, "The day of the session")]
    public DateOnly? On { get; set; }

    [Required(ErrorMessage = "Choose the time.")]
    public TimeOnly? At { get; set; }

    [Range(15, 180, ErrorMessage = "A session lasts 15 to 180 minutes.")]
    public int Minutes { get; set; } = 50;
}

public sealed record ChildRow(int Id, string Alias, int? Age, int ResidentId, string Mother, string? School, int UpcomingSessions);

public sealed record ChildPage(Child Child, string Mother, string TimeZoneId, IReadOnlyList<CounsellingSession> Sessions,
    IReadOnlyList<(string Id, string Name)> Counsellors,
    IReadOnlyList<CounsellingRoom> Rooms);

/// <summary>
/// Children's services: school, childcare, and counselling sessions that social workers book
/// with a child psychotherapist, never double-booking the counsellor, the room or the child.
/// </summary>
public sealed class ChildServices(ShelterDbContext db, UserManager<ShelterUser> users, SiteScope scope, TimeProvider clock,
    Shared.SiteClock sites, IStringLocalizer<SharedResource> L)
{
    public async Task<IReadOnlyList<ChildRow>> ListAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var now = clock.GetUtcNow().UtcDateTime;
        // From the open stays to their households' children (by index), not every child ever registered to a stay.
        var housed = db.Stays.Where(s => s.EndedAt == null).Select(s => s.ResidentId);
        var inHouse = db.Children.AsNoTracking().Where(c => housed.Contains(c.ResidentId));
        inHouse = await scope.OnlyReachableAsync(inHouse, c => c.ResidentId, ct);
        var children = await inHouse
            .Select(c => new
            {
                c.Id, c.Alias, c.AgeAtArrival, c.ArrivedOn, c.ResidentId, Mother = c.Resident.Alias, c.School,
                Upcoming = db.CounsellingSessions.Count(s => s.ChildId == c.Id && s.CancelledAt == null && s.StartsAt > now)
            })
            .OrderBy(c => c.Mother).ToListAsync(ct);
        return children.Select(c =>
            new ChildRow(c.Id, c.Alias, Child.AgeOn(c.AgeAtArrival, c.ArrivedOn, today), c.ResidentId, c.Mother, c.School, c.Upcoming))
            .ToList();
    }

    public async Task<ChildPage?> PageAsync(int id, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().Include(c => c.Resident).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (child is null) return null;
        var sessions = await db.CounsellingSessions.AsNoTracking().Where(s => s.ChildId == id).OrderByDescending(s => s.StartsAt)
            .ToListAsync(ct);
        return new ChildPage(child, child.Resident.Alias, await ZoneOfAsync(child.ResidentId, ct), sessions, await CounsellorsAsync(),
            await RoomsAtHerSiteAsync(child.ResidentId, ct));
    }

    public async Task<IReadOnlyList<(string Id, string Name)>> CounsellorsAsync() =>
        (await users.GetUsersInRoleAsync(Roles.SocialWorker)).Concat(await users.GetUsersInRoleAsync(Roles.CaseManager))
            .Where(u => u.LockoutEnd != DateTimeOffset.MaxValue).DistinctBy(u => u.Id)
            .Select(u => (u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName)).OrderBy(u => u.Item2).ToList();

    public async Task<Outcome> SaveAsync(int id, ChildForm form, CancellationToken ct)
    {
        var child = await db.Children.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (child is null) return Outcome.NotFound;
        child.School = Shared.FormText.Clean(form.School);
        child.ChildcareNeeds = Shared.FormText.Clean(form.ChildcareNeeds);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public async Task<Outcome> ScheduleAsync(int childId, SessionForm form, ClaimsPrincipal scheduler, CancellationToken ct)
    {
        var hasUser = !string.IsNullOrEmpty(form.CounsellorUserId);
        if (hasUser == !string.IsNullOrWhiteSpace(form.CounsellorName))
            return Outcome.Refused("Choose a counsellor from the list, or write a partner's psychotherapist's name — one of the two.");
        if (hasUser && (await CounsellorsAsync()).All(c => c.Id != form.CounsellorUserId))
            return Outcome.Refused("That person is not a counsellor here.");
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return Outcome.NotFound;
        var zone = await ZoneOfAsync(child.ResidentId, ct);
        var room = (await RoomsAtHerSiteAsync(child.ResidentId, ct)).FirstOrDefault(r => r.Id == form.CounsellingRoomId);
        if (room is null) return Outcome.Refused("Choose a counselling room at the site where she stays.");
        var local = DateTime.SpecifyKind(form.On!.Value.ToDateTime(form.At!.Value), DateTimeKind.Unspecified);
        var startsAt = TimeZoneInfo.ConvertTimeToUtc(local, SiteTime.Zone(zone));
        var now = clock.GetUtcNow().UtcDateTime;
        if (startsAt < now) return Outcome.Refused("A session cannot be booked in the past.");
        var session = new CounsellingSession
        {
            ChildId = childId, ResidentId = child.ResidentId, CounsellorUserId = hasUser ? form.CounsellorUserId : null,
            CounsellorName = hasUser ? null : form.CounsellorName!.Trim(), Room = room.Name, CounsellingRoomId = room.Id,
            StartsAt = startsAt, EndsAt = startsAt.AddMinutes(form.Minutes), CreatedAt = now,
            ScheduledByUserId = scheduler.FindFirstValue(ClaimTypes.NameIdentifier),
        };

        // Check and book in one IMMEDIATE transaction, so two social workers cannot take the same slot.
        await using var tx = await db.Database.JoinOrBeginTransactionAsync(ct);
        var sameDay = await db.CounsellingSessions.AsNoTracking()
            .Where(s => s.CancelledAt == null && s.StartsAt < session.EndsAt && s.EndsAt > session.StartsAt).ToListAsync(ct);
        if (SessionClash.Find(session, sameDay, zone) is { } clash) return Outcome.Refused(L.Say(clash));
        db.CounsellingSessions.Add(session);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Done;
    }

    public async Task<Outcome> AttendanceAsync(int sessionId, bool? attended, bool cancel, CancellationToken ct)
    {
        var session = await db.CounsellingSessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return Outcome.NotFound;
        if (cancel) session.CancelledAt = clock.GetUtcNow().UtcDateTime;
        else session.Attended = attended;
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public async Task<int?> ChildOfSessionAsync(int sessionId, CancellationToken ct) =>
        await db.CounsellingSessions.Where(s => s.Id == sessionId).Select(s => (int?)s.ChildId).FirstOrDefaultAsync(ct);

    /// <summary>The counselling rooms of the site where she stays.</summary>
    private async Task<IReadOnlyList<CounsellingRoom>> RoomsAtHerSiteAsync(int residentId, CancellationToken ct)
    {
        var siteId = await db.Stays.Where(s => s.ResidentId == residentId && s.ChildId == null && s.EndedAt == null)
            .Select(s => (int?)s.Bed.Room.SiteId).FirstOrDefaultAsync(ct);
        return siteId is null ? [] : await db.CounsellingRooms.AsNoTracking().Where(r => r.SiteId == siteId).OrderBy(r => r.Name)
            .ToListAsync(ct);
    }

    private async Task<string> ZoneOfAsync(int residentId, CancellationToken ct) =>
        (await sites.OfResidentAsync(residentId, ct)).TimeZoneId;
}
