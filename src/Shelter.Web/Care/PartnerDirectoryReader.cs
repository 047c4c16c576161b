using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shelter.Core.Data;
using Shelter.Core.Partners;

namespace Shelter.Web.Care;

public sealed class PartnerProposalOptions
{
    /// <summary>How long a refusal in the barrier log keeps a partner from being proposed for the need it refused.</summary>
    public int RefusalsCountForDays { get; set; } = 180;
}

/// <summary>Reads the directory and the recent barrier log the way <see cref="PartnerProposal"/> needs them.</summary>
public sealed class PartnerDirectoryReader(ShelterDbContext db, IOptions<PartnerProposalOptions> options)
{
    public async Task<IReadOnlyList<DirectoryEntry>> ActiveAsync(CancellationToken ct) =>
        (await db.Partners.AsNoTracking().Where(p => p.Active).OrderBy(p => p.Name).ToListAsync(ct)).Select(p => p.ToDirectoryEntry())
            .ToList();

    /// <summary>This partner's refusals that still keep it from being proposed for the need refused.</summary>
    public async Task<IReadOnlyList<LoggedRefusal>> RefusalsOfAsync(int partnerId, DateOnly today, CancellationToken ct) =>
        (await LoadAsync([], today, ct)).BarrierLog.Where(r => r.PartnerId == partnerId).OrderByDescending(r => r.On).ToList();

    public async Task<PartnerDirectory> LoadAsync(IReadOnlyCollection<int> refusedHer, DateOnly today, CancellationToken ct)
    {
        var since = today.AddDays(-options.Value.RefusalsCountForDays);
        var logged = await db.Barriers.AsNoTracking().Where(b => b.PartnerId != null && b.On >= since)
            .Select(b => new { PartnerId = b.PartnerId!.Value, b.Reason, b.On }).ToListAsync(ct);
        var refusals = logged.Select(b => PartnerProposal.NeedRefused(b.Reason) is { } need
            ? new LoggedRefusal(b.PartnerId, need, b.On) : null)
            .OfType<LoggedRefusal>().ToList();
        return new PartnerDirectory(await ActiveAsync(ct), refusedHer, refusals);
    }
}
