using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shelter.Core.Data;
using Shelter.Core.Medication;
using Shelter.Core.Sites;
using Shelter.Web.Features.Shared;

namespace Shelter.Web.Care;

/// <summary>Where she is as far as the organisation holds her; continuity is checked in every case.</summary>
public enum Holding
{
    InTheHouse = 1,
    SafeRoom = 2,
    WaitingList = 3,
    /// <summary>Referred to a partner (or proposed one at intake) and not yet confirmed housed.</summary>
    Referred = 4,
    /// <summary>She left and is no longer waiting: the case manager ends the programme or follows her elsewhere.</summary>
    Left = 5,
}

/// <summary>`Continuity__LookAheadDays`, `Continuity__MissedDoseReviewAfterDays`, `Continuity__MissedDoseInductionAfterDays`.</summary>
public sealed class ContinuityOptions
{
    public int LookAheadDays { get; set; } = 7;
    public int MissedDoseReviewAfterDays { get; set; } = 3;
    public int MissedDoseInductionAfterDays { get; set; } = 5;
}

public sealed record ProgrammeStatus(MedicationProgramme Programme, int ResidentId, string Alias, string? DispensingSite,
    DateOnly Today, ContinuityResult Result, bool InHouse,
    Holding Holding = Holding.InTheHouse)
{
    /// <summary>The organisation holds her: housed, in a safe room, waiting or referred.</summary>
    public bool Held => Holding != Holding.Left;
}

/// <summary>
/// Every active medication programme with its continuity status today, judged on the local day
/// of the site she sleeps at, whatever her housing state: in the house, in a safe room, on the
/// waiting list or referred. One place for the continuity page, the sweep, the dashboard and the
/// resident page. Programmes are few; their encrypted columns are read in memory.
/// </summary>
public sealed class Continuity(ShelterDbContext db, TimeProvider clock, SiteClock siteClock, IOptions<ContinuityOptions> options)
{
    public async Task<IReadOnlyList<ProgrammeStatus>> LoadAsync(int? residentId = null, CancellationToken ct = default) =>
        await StatusesAsync(await Active(residentId).ToListAsync(ct), ct);

    /// <summary>
    /// The programmes of the women this worker reaches, and only theirs read and decrypted: a case manager at
    /// five of fifty sites no longer decrypts the whole network's programmes to show her own.
    /// </summary>
    public async Task<IReadOnlyList<ProgrammeStatus>> LoadReachableAsync(Infrastructure.Auth.SiteScope scope,
        CancellationToken ct = default) =>
        await StatusesAsync(await (await scope.OnlyReachableAsync(Active(null), m => m.ResidentId, ct)).ToListAsync(ct), ct);

    /// <summary>
    /// The same statuses of the women this worker reaches, from the schedule and dates alone: the medicine,
    /// dose, kind and notes are not read, so nothing is decrypted. For counts (the dashboard): key derivation
    /// for five protected columns of every active programme was most of a dashboard's CPU.
    /// </summary>
    public async Task<IReadOnlyList<ProgrammeStatus>> LoadReachableWithoutDetailsAsync(Infrastructure.Auth.SiteScope scope,
        CancellationToken ct = default) =>
        await StatusesAsync(await (await scope.OnlyReachableAsync(Active(null), m => m.ResidentId, ct)).Select(m => new MedicationProgramme
        {
            Id = m.Id, Version = m.Version, ResidentId = m.ResidentId, DispensingSiteId = m.DispensingSiteId, Schedule = m.Schedule,
            SupplyDays = m.SupplyDays, SupplyAsOf = m.SupplyAsOf, NextPickupOn = m.NextPickupOn, LastDispensedOn = m.LastDispensedOn,
            UsualSupplyDays = m.UsualSupplyDays, HasEnoughAtIntake = m.HasEnoughAtIntake, RecordedAt = m.RecordedAt, EndedAt = m.EndedAt,
        }).ToListAsync(ct), ct);

    private IQueryable<MedicationProgramme> Active(int? residentId) => db.MedicationProgrammes.AsNoTracking()
        .Where(m => m.EndedAt == null && (residentId == null || m.ResidentId == residentId));

    private async Task<IReadOnlyList<ProgrammeStatus>> StatusesAsync(List<MedicationProgramme> programmes, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (programmes.Count == 0) return [];
        var residentIds = programmes.Select(p => p.ResidentId).Distinct().ToList();
        var residents = await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id))
            .Select(r => new
            {
                r.Id, r.Alias,
                LastLeft = db.Stays.Where(s => s.ResidentId == r.Id && s.ChildId == null && s.EndedAt != null).Max(s => s.EndedAt),
                Waiting = db.WaitingList.Any(w => w.ResidentId == r.Id && w.ClosedAt == null),
                LastReferred = db.Referrals.Where(x => x.ResidentId == r.Id).Max(x => (DateTime?)x.MadeAt),
                LastIntake = db.Intakes.Where(i => i.ResidentId == r.Id).Max(i => (DateTime?)i.ReceivedAt),
            })
            .ToDictionaryAsync(r => r.Id, ct);
        // Her open stay, read on its own: as a column of the query above it became a window over every open stay.
        var stayOf = (await db.Stays.AsNoTracking()
            .Where(s => residentIds.Contains(s.ResidentId) && s.ChildId == null && s.EndedAt == null)
            .Select(s => new { s.ResidentId, s.Bed.Room.Site.TimeZoneId, s.Bed.Room.Kind, s.PlannedEndAt })
            .ToListAsync(ct)).GroupBy(s => s.ResidentId).ToDictionary(g => g.Key, g => g.First());
        var siteIds = programmes.Where(p => p.DispensingSiteId != null).Select(p => p.DispensingSiteId!.Value).Distinct().ToList();
        var sites = (await db.Partners.AsNoTracking().Where(p => siteIds.Contains(p.Id)).ToListAsync(ct)).ToDictionary(p => p.Id);
        // A woman not housed yet keeps the network's clock.
        var networkZone = (await siteClock.NetworkHoursAsync(ct)).TimeZoneId;
        var closures = await ClosuresAsync(siteIds, now, ct);
        var o = options.Value;
        var missed = new MissedDoseRule(o.MissedDoseReviewAfterDays, o.MissedDoseInductionAfterDays);

        return programmes.Select(p =>
        {
            var resident = residents[p.ResidentId];
            var stay = stayOf.GetValueOrDefault(p.ResidentId);
            var zone = stay?.TimeZoneId ?? networkZone;
            var today = SiteTime.Today(zone, now);
            var holding = HoldingOf(stay?.Kind, resident.Waiting, resident.LastLeft, resident.LastReferred, resident.LastIntake);
            var outlook = new ContinuityOutlook(
                p.DispensingSiteId is int s && sites.TryGetValue(s, out var site) ? site.OpeningDays : null,
                stay is { } housed ? SiteTime.Today(zone, housed.PlannedEndAt) : null,
                o.LookAheadDays, missed);
            var result = ContinuityCheck.Check(p, today, closures.Where(c => c.PartnerId == p.DispensingSiteId), outlook);
            return new ProgrammeStatus(p, p.ResidentId, resident.Alias,
                p.DispensingSiteId is int d ? sites.GetValueOrDefault(d)?.Name : null, today, result,
                stay is not null, holding);
        })
        .OrderByDescending(s => s.Result.Status).ThenBy(s => s.Alias, StringComparer.OrdinalIgnoreCase)
        .ToList();
    }

    /// <summary>Closures of her dispensing sites that still matter: from two days ago on, or open-ended.</summary>
    private async Task<List<DispensingSiteClosure>> ClosuresAsync(List<int> siteIds, DateTime now, CancellationToken ct)
    {
        var earliest = DateOnly.FromDateTime(now).AddDays(-2);
        return await db.DispensingSiteClosures.AsNoTracking()
            .Where(c => siteIds.Contains(c.PartnerId) && (c.To == null || c.To >= earliest)).ToListAsync(ct);
    }

    private static Holding HoldingOf(RoomKind? stayKind, bool waiting, DateTime? lastLeft, DateTime? lastReferred, DateTime? lastIntake) =>
        stayKind is { } kind ? (kind == RoomKind.SafeRoom ? Holding.SafeRoom : Holding.InTheHouse)
        : waiting ? Holding.WaitingList
        // Never housed with us, or referred since she left: still ours until she is confirmed housed elsewhere.
        : lastLeft is null || lastReferred > lastLeft || lastIntake > lastLeft
            ? Holding.Referred
        : Holding.Left;
}
