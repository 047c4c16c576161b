using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Data;
using Shelter.Core.FollowUps;
using Shelter.Core.Validation;
using Shelter.Web.Care;
using Shelter.Web.Infrastructure;

namespace Shelter.Web.Features.Tasks;

public sealed class FollowUpForm
{
    [Required(ErrorMessage = "Choose what kind of follow-up it is.")]
    public FollowUpKind? Kind { get; set; }

    [StringLength(200, ErrorMessage = "Say it in under 200 characters.")]
    public string? What { get; set; }

    [Required(ErrorMessage = "Choose when it is due.")]
    [DayWithin(DayRange.CaseWork, "The due date")]
    public DateOnly? DueOn { get; set; }

    public string? AssignedToUserId { get; set; }
    public int? ChildId { get; set; }
}

public sealed class StepForm
{
    [Required(ErrorMessage = "Write what was done.")]
    [StringLength(1000, ErrorMessage = "Keep the note under 1000 characters.")]
    public string Note { get; set; } = "";

    /// <summary>When the next step is due, if it moves.</summary>
    [DayWithin(DayRange.CaseWork, "The next due date")]
    public DateOnly? NextDueOn { get; set; }
}

public sealed record Assignee(string Id, string Name);

public sealed record FollowUpPage(FollowUp FollowUp, string Alias, string? AssigneeName, IReadOnlyList<Assignee> Assignees);

/// <summary>
/// One follow-up: its dated steps and notes, who has it, when it is due, and how it ends: done,
/// declined by her (her choice, never a failure), or cancelled. Only kinds the reader may see exist.
/// </summary>
public sealed class FollowUpWork(ShelterDbContext db, UserManager<ShelterUser> users, TimeProvider clock, Shared.SiteClock sites)
{
    public async Task<FollowUp?> FindAsync(int id, ClaimsPrincipal reader, CancellationToken ct)
    {
        var kinds = CaseWorkAccess.KindsFor(reader);
        return await db.FollowUps.Include(f => f.Steps).FirstOrDefaultAsync(f => f.Id == id && kinds.Contains(f.Kind), ct);
    }

    public async Task<IReadOnlyList<Assignee>> AssigneesAsync(FollowUpKind kind)
    {
        var people = new Dictionary<string, Assignee>();
        foreach (var role in CaseWorkAccess.AssigneeRoles(kind))
            foreach (var u in await users.GetUsersInRoleAsync(role))
                if (u.LockoutEnd != DateTimeOffset.MaxValue) people[u.Id] =
                    new Assignee(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName);
        return people.Values.OrderBy(a => a.Name).ToList();
    }

    public async Task<FollowUpPage?> PageAsync(int id, ClaimsPrincipal reader, CancellationToken ct)
    {
        var followUp = await FindAsync(id, reader, ct);
        if (followUp is null) return null;
        var alias = await db.Residents.Where(r => r.Id == followUp.ResidentId).Select(r => r.Alias).FirstAsync(ct);
        var assignees = await AssigneesAsync(followUp.Kind);
        return new FollowUpPage(followUp, alias, assignees.FirstOrDefault(a => a.Id == followUp.AssignedToUserId)?.Name, assignees);
    }

    /// <summary>Opens a follow-up; what it makes is the follow-up's id.</summary>
    public async Task<Outcome<int>> CreateAsync(int residentId, FollowUpForm form, ClaimsPrincipal author, CancellationToken ct)
    {
        if (!CaseWorkAccess.KindsFor(author).Contains(form.Kind!.Value))
            return Outcome.Refused<int>("That kind of follow-up is not yours to open.");
        if (!await db.Residents.AnyAsync(r => r.Id == residentId, ct)) return Outcome.NotFoundOf<int>();
        if (form.ChildId is int child && !await db.Children.AnyAsync(c => c.Id == child && c.ResidentId == residentId, ct))
            return Outcome.Refused<int>("That child is not hers.");
        if (form.AssignedToUserId is { Length: > 0 } assignee && (await AssigneesAsync(form.Kind.Value)).All(a => a.Id != assignee))
            return Outcome.Refused<int>("That person cannot be given this kind of follow-up.");
        var now = clock.GetUtcNow().UtcDateTime;
        var hours = await sites.OfResidentAsync(residentId, ct);
        if (form.DueOn < hours.Today(now)) return Outcome.Refused<int>("The due date cannot be in the past.");
        var followUp = new FollowUp
        {
            Kind = form.Kind.Value, What = string.IsNullOrWhiteSpace(form.What) ? null : form.What.Trim(), ResidentId = residentId,
            ChildId = form.ChildId,
            AssignedToUserId = string.IsNullOrEmpty(form.AssignedToUserId) ? null : form.AssignedToUserId,
            DueAt = hours.DueAt(form.DueOn!.Value), CreatedAt = now,
        };
        db.FollowUps.Add(followUp);
        await db.SaveChangesAsync(ct);
        return Outcome.Made(followUp.Id);
    }

    public async Task<Outcome> AddStepAsync(int id, StepForm form, ClaimsPrincipal author, CancellationToken ct)
    {
        var followUp = await FindAsync(id, author, ct);
        if (followUp is null) return Outcome.NotFound;
        if (!followUp.IsOpen) return Outcome.Refused("This follow-up is closed.");
        var now = clock.GetUtcNow().UtcDateTime;
        var hours = await sites.OfResidentAsync(followUp.ResidentId, ct);
        followUp.Steps.Add(new FollowUpStep
        {
            On = hours.Today(now), Note = form.Note.Trim(), RecordedAt = now,
            RecordedByUserId = author.FindFirstValue(ClaimTypes.NameIdentifier)
        });
        if (form.NextDueOn is { } next)
        {
            if (next < hours.Today(now)) return Outcome.Refused("The next step cannot be due in the past.");
            followUp.DueAt = hours.DueAt(next);
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public async Task<Outcome> CloseAsync(int id, FollowUpStatus status, ClaimsPrincipal author, CancellationToken ct)
    {
        if (status == FollowUpStatus.Open) return Outcome.Refused("Choose how it ends.");
        var followUp = await FindAsync(id, author, ct);
        if (followUp is null) return Outcome.NotFound;
        if (!followUp.IsOpen) return Outcome.Refused("This follow-up is already closed.");
        followUp.Status = status;
        followUp.ClosedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public async Task<Outcome> AssignAsync(int id, string? userId, ClaimsPrincipal author, CancellationToken ct)
    {
        var followUp = await FindAsync(id, author, ct);
        if (followUp is null) return Outcome.NotFound;
        if (!string.IsNullOrEmpty(userId) && (await AssigneesAsync(followUp.Kind)).All(a => a.Id != userId))
            return Outcome.Refused("That person cannot be given this kind of follow-up.");
        followUp.AssignedToUserId = string.IsNullOrEmpty(userId) ? null : userId;
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>A follow-up "due on" a day is due by the end of that working day at her site, in its time zone.</summary>
    public async Task<DateTime> DueAtAsync(int residentId, DateOnly day, CancellationToken ct) =>
        (await sites.OfResidentAsync(residentId, ct)).DueAt(day);
}
