using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Data;

namespace Shelter.Web.Infrastructure.Auth;

/// <summary>The kinds of record an action's id can point at, each leading to a resident or a site.</summary>
public enum Record { Resident, Stay, Intake, Programme, FollowUp, Child, Session, Document, Bed, Hold, Waiting }

/// <summary>
/// Marks an action argument (or a form's property, "form.ResidentId") as a record that must belong
/// to a resident or site the signed-in person reaches; otherwise the answer is 404, as if it did
/// not exist. Checked by <see cref="SiteScopeFilter"/> after model binding and before the action.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ReachesAttribute(Record record, string argument) : Attribute
{
    public Record Record { get; } = record;
    public string Argument { get; } = argument;
}

public sealed class SiteScopeFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var checks = context.ActionDescriptor.EndpointMetadata.OfType<ReachesAttribute>().ToList();
        var scope = context.HttpContext.RequestServices.GetRequiredService<SiteScope>();
        if (checks.Count > 0 && await scope.SitesAsync(context.HttpContext.RequestAborted) is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<ShelterDbContext>();
            foreach (var check in checks)
            {
                if (Audit.ActionArguments.Value(context.ActionArguments, check.Argument) is not int id) continue;
                if (!await ReachesAsync(context, db, scope, check.Record, id, context.HttpContext.RequestAborted))
                {
                    context.Result = new NotFoundResult();
                    return;
                }
            }
        }
        await next();
    }

    private static async Task<bool> ReachesAsync(ActionExecutingContext context, ShelterDbContext db, SiteScope scope, Record record,
        int id, CancellationToken ct)
    {
        if (record is Record.Bed or Record.Hold)
        {
            var site = record == Record.Bed
                ? await db.Beds.Where(b => b.Id == id).Select(b => (int?)b.Room.SiteId).FirstOrDefaultAsync(ct)
                : await db.BedHolds.Where(h => h.Id == id).Select(h => (int?)h.Bed.Room.SiteId).FirstOrDefaultAsync(ct);
            return site is { } s && await scope.ReachesSiteAsync(s, ct);
        }
        if (record == Record.Intake)
        {
            var intake = await db.Intakes.Where(i => i.Id == id).Select(i => new { i.ResidentId, i.RecordedByUserId })
                .FirstOrDefaultAsync(ct);
            // The intake she recorded herself stays open to her, wherever the woman was placed.
            return intake is not null && (intake.RecordedByUserId == context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier)
                || await scope.ReachesResidentAsync(intake.ResidentId, ct));
        }
        var resident = record switch
        {
            Record.Resident => id,
            Record.Stay => await db.Stays.Where(s => s.Id == id).Select(s => (int?)s.ResidentId).FirstOrDefaultAsync(ct),
            Record.Programme => await db.MedicationProgrammes.Where(m => m.Id == id).Select(m => (int?)m.ResidentId)
                .FirstOrDefaultAsync(ct),
            Record.FollowUp => await db.FollowUps.Where(f => f.Id == id).Select(f => (int?)f.ResidentId).FirstOrDefaultAsync(ct),
            Record.Child => await db.Children.Where(c => c.Id == id).Select(c => (int?)c.ResidentId).FirstOrDefaultAsync(ct),
            Record.Session => await db.CounsellingSessions.Where(s => s.Id == id).Select(s => (int?)s.ResidentId).FirstOrDefaultAsync(ct),
            Record.Document => await db.DocumentRecoveries.Where(d => d.Id == id).Select(d => (int?)d.ResidentId).FirstOrDefaultAsync(ct),
            Record.Waiting => await db.WaitingList.Where(w => w.Id == id).Select(w => (int?)w.ResidentId).FirstOrDefaultAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(record)),
        };
        return resident is { } r && await scope.ReachesResidentAsync(r, ct);
    }
}
