using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Shelter.Core.Accounts;
using Shelter.Core.Data;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Email;
using Shelter.Web.Infrastructure.Integrity;

namespace Shelter.Web.Housing;

/// <summary>
/// When a bed frees (check-out, a hold released, a bed back in service), tells the staff that
/// women on the waiting list now fit a free bed: a count and a link, never a name. A Hangfire
/// job with no arguments; the same situation is announced once, however often it runs.
/// </summary>
public sealed class WaitingListNotifier(ShelterDbContext db, WaitingList waiting, UserManager<ShelterUser> users, Outbox outbox,
    IOptions<ShelterLinks> links, TimeProvider clock, IStringLocalizer<SharedResource> L, ILogger<WaitingListNotifier> log)
{
    public async Task NotifyIfBedsFitAsync()
    {
        var (rows, fit) = await waiting.LoadAsync(CancellationToken.None);
        if (fit.Women == 0) return;
        // The same women and the same beds are announced once; lapsed places are not counted (see WaitingList).
        var now = clock.GetUtcNow().UtcDateTime;
        var fitting = rows.Where(w => w.FitsNow is not null && !w.Lapsed).ToList();
        var key = $"waiting-list-fits:{fit.Beds}:" + string.Join(",", fitting.Select(w => w.EntryId).Order());
        var staff = (await users.GetUsersInRoleAsync(Roles.Staff))
            .Where(u => u.LockoutEnd != DateTimeOffset.MaxValue && u.Email is not null).ToList();
        if (!await Notices.QueueOnceAsync(db, outbox, clock, key, staff, () =>
            {
                var subject = (fit.Beds, fit.Women) switch
                {
                    (1, 1) => L["1 free bed fits a woman on the waiting list"].Value,
                    (1, var w) => L["1 free bed fits {0} women on the waiting list", w].Value,
                    (var b, 1) => L["{0} free beds fit a woman on the waiting list", b].Value,
                    var (b, w) => L["{0} free beds fit {1} women on the waiting list", b, w].Value,
                };
                return (subject,
            $"{subject}.\n\n{L["Open the waiting list in Shelter to check her in:"]}\n"
                + $"{links.Value.PublicUrl.TrimEnd('/')}/intake/waiting\n");
            })) return;
        log.LogInformation("Waiting-list notice queued for {Count} staff", staff.Count);
    }
}
