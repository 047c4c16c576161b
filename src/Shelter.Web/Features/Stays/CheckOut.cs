using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using Shelter.Core.Data;
using Shelter.Core.Stays;
using Shelter.Web.Housing;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Integrity;

namespace Shelter.Web.Features.Stays;

public sealed class CheckOutForm
{
    [Required(ErrorMessage = "Choose why the stay ends.")]
    public ExitReason? Reason { get; set; }

    [Required(ErrorMessage = "Choose where she goes (\"Unknown\" if she did not say).")]
    public ExitDestination? Destination { get; set; }
}

/// <summary>Ends her stay and her children's, with the reason and where she goes; closes the open review.</summary>
public sealed class CheckOut(ShelterDbContext db, Outbox outbox, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<Outcome> HandleAsync(int stayId, CheckOutForm form, CancellationToken ct)
    {
        if (form.Reason == ExitReason.MovedWithinNetwork) return Outcome.Refused("Use Move to move her within the network.");
        var now = clock.GetUtcNow().UtcDateTime;
        var household = await Household.LoadAsync(db, stayId, ct);
        if (household is null) return Outcome.Refused("That stay does not exist.");
        if (!household.Hers.IsActive) return Outcome.Refused(Household.AlreadyEnded(household.Hers, L));
        foreach (var stay in household.All) stay.CheckOut(form.Reason!.Value, form.Destination!.Value, now);
        await StayReviews.CloseAsync(db, household.Hers.Id, now, ct);
        outbox.WaitingListNotice();
        outbox.ContinuityCheck(household.Hers.ResidentId);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }
}
