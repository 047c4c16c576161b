using System.ComponentModel.DataAnnotations;
using Shelter.Core.Data;
using Shelter.Core.Sites;
using Shelter.Core.Stays;
using Shelter.Core.Validation;
using Shelter.Web.Housing;
using Shelter.Web.Infrastructure;

namespace Shelter.Web.Features.Stays;

public sealed class TermsForm
{
    [Required(ErrorMessage = "Choose the date the stay ends.")]
    [DayWithin(DayRange.CaseWork, "The agreed end")]
    public DateOnly? EndOn { get; set; }

    [StringLength(1000, ErrorMessage = "Keep the conditions under 1000 characters.")]
    public string? Conditions { get; set; }

    [Required(ErrorMessage = "Say why the end changes (for example: agreed with her at the review).")]
    [StringLength(500, ErrorMessage = "Keep the reason under 500 characters.")]
    public string? Reason { get; set; }
}

/// <summary>
/// Sets an agreed end and written conditions, or extends a stay. Each change is kept as an
/// extension record, and the review moves with the end.
/// </summary>
public sealed class Terms(ShelterDbContext db, TimeProvider clock, Microsoft.AspNetCore.Http.IHttpContextAccessor http)
{
    public async Task<Outcome> HandleAsync(int stayId, TermsForm form, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var household = await Household.LoadAsync(db, stayId, ct);
        if (household is null) return Outcome.Refused("That stay does not exist.");
        var hers = household.Hers;
        if (!hers.IsActive) return Outcome.Refused("This stay has already ended.");
        var zone = hers.Bed.Room.Site.TimeZoneId;
        var newEnd = SiteTime.EndOfLocalDayUtc(zone, form.EndOn!.Value);
        if (StayTerms.CheckNewEnd(hers.StartedAt, newEnd, now) is { } problem) return Outcome.Refused(problem);

        db.StayExtensions.Add(new StayExtension
        {
            StayId = hers.Id, PreviousEndAt = hers.PlannedEndAt, NewEndAt = newEnd, Reason = form.Reason!.Trim(),
            ConditionsBefore = hers.Conditions, RecordedAt = now,
            RecordedByUserId = http.HttpContext?.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
        });
        var conditions = string.IsNullOrWhiteSpace(form.Conditions) ? null : form.Conditions.Trim();
        foreach (var stay in household.All) stay.ChangeTerms(newEnd, conditions);
        await StayReviews.RescheduleAsync(db, hers.Id, hers, hers.Bed.Room.Kind, now, ct);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}
