using Shelter.Core.Sites;

namespace Shelter.Core.Beds;

/// <summary>One bed as the allocator sees it tonight.</summary>
public sealed record BedCandidate(
    int BedId, string BedLabel,
    int RoomId, string RoomName, RoomKind RoomKind,
    int SiteId, string SiteName, bool SiteConfidential,
    BedState State);

/// <summary>
/// What the allocator may weigh. Deliberately absent: gender identity, drug use,
/// medication, documents. She is housed as the woman she says she is, in any women's room.
/// </summary>
public sealed record HousingNeed(int Children, bool NeedsAccessibleRoom, bool HighRisk, int? PreferredSiteId = null)
{
    public int BedsNeeded => 1 + Children;
}

/// <summary>The beds to use (hers first, then one per child, all in one room) and why.</summary>
public sealed record BedSuggestion(IReadOnlyList<int> BedIds, int RoomId, RoomKind RoomKind, int SiteId, string Reason)
{
    public int BedId => BedIds[0];
    public bool IsSafeRoom => RoomKind == RoomKind.SafeRoom;
}

public sealed record Allocation(BedSuggestion? Suggestion, string Reason)
{
    public bool Found => Suggestion is not null;
}

/// <summary>
/// Suggests the best free bed. A mother and her children share one room; an accessible
/// need gets an accessible room; high risk prefers a safe room or a confidential address;
/// safe rooms are otherwise kept for when nothing else fits. Staff may choose otherwise.
/// </summary>
public static class BedAllocator
{
    public static Allocation Suggest(HousingNeed need, IEnumerable<BedCandidate> beds)
    {
        var rooms = beds
            .Where(b => b.State == BedState.Free)
            .GroupBy(b => b.RoomId)
            .Select(g => g.OrderBy(b => b.BedLabel, StringComparer.Ordinal).ThenBy(b => b.BedId).ToList())
            .Where(free => free.Count >= need.BedsNeeded)
            .Where(free => !need.NeedsAccessibleRoom || free[0].RoomKind == RoomKind.Accessible)
            .ToList();

        if (rooms.Count == 0)
            return new Allocation(null, NoFitReason(need));

        var best = rooms
            .OrderBy(free => Rank(need, free[0]))
            .ThenBy(free => need.PreferredSiteId is { } site && free[0].SiteId != site ? 1 : 0)
            .ThenBy(free => free.Count - need.BedsNeeded) // the tightest fit leaves bigger rooms for bigger families
            .ThenBy(free => free[0].SiteId)
            .ThenBy(free => free[0].RoomId)
            .First();
        var first = best[0];
        var bedIds = best.Take(need.BedsNeeded).Select(b => b.BedId).ToList();
        return new Allocation(
            new BedSuggestion(bedIds, first.RoomId, first.RoomKind, first.SiteId, Explain(need, first, best.Count)),
            Explain(need, first, best.Count));
    }

    /// <summary>Lower is better.</summary>
    private static int Rank(HousingNeed need, BedCandidate bed)
    {
        if (need.HighRisk)
        {
            if (bed.RoomKind == RoomKind.SafeRoom) return 0;
            if (bed.SiteConfidential) return 1 + KindRank(need, bed.RoomKind);
            return 20 + KindRank(need, bed.RoomKind);
        }
        return KindRank(need, bed.RoomKind);
    }

    private static int KindRank(HousingNeed need, RoomKind kind) => (need.Children > 0, need.NeedsAccessibleRoom, kind) switch
    {
        (_, true, RoomKind.Accessible) => 0,
        (true, _, RoomKind.Family) => 1,
        (true, _, RoomKind.Shared) => 2,
        (true, _, RoomKind.Single) => 3,
        (true, _, RoomKind.Accessible) => 4,
        (false, _, RoomKind.Single) => 1,
        (false, _, RoomKind.Shared) => 2,
        (false, _, RoomKind.Accessible) => 4, // kept for those who need it
        (false, _, RoomKind.Family) => 5,     // kept for mothers with children
        (_, _, RoomKind.SafeRoom) => 10,      // emergencies, when nothing else fits
        _ => 9,
    };

    private static string Explain(HousingNeed need, BedCandidate bed, int freeInRoom)
    {
        var where = $"{bed.RoomName} at {bed.SiteName}";
        var together = need.Children switch
        {
            0 => "",
            1 => " She and her child stay together in one room.",
            _ => $" She and her {need.Children} children stay together in one room.",
        };
        var why = (need.HighRisk, need.NeedsAccessibleRoom, bed.RoomKind, bed.SiteConfidential) switch
        {
            (true, _, RoomKind.SafeRoom, _) => "High risk: a safe room.",
            (true, _, _, true) => "High risk: no safe room free, so a site with a confidential address.",
            (true, _, _, false) => "High risk, but no safe room or confidential-address site has a fitting bed: review her safety plan.",
            (_, true, _, _) => "She needs an accessible room.",
            (_, _, RoomKind.SafeRoom, _) => "Nothing else fits tonight: a safe room for a short stay.",
            (_, _, RoomKind.Family, _) when need.Children > 0 => "A family room.",
            (_, _, RoomKind.Single, _) => "A single room.",
            (_, _, RoomKind.Shared, _) => "A shared room.",
            _ => "The best free bed.",
        };
        return $"{where} ({freeInRoom} free {(freeInRoom == 1 ? "bed" : "beds")}). {why}{together}";
    }

    private static string NoFitReason(HousingNeed need) => need switch
    {
        { NeedsAccessibleRoom: true } => $"No accessible room has {need.BedsNeeded} free {(need.BedsNeeded == 1 ? "bed" : "beds")} tonight.",
        { Children: > 0 } => $"No room has {need.BedsNeeded} free beds together tonight.",
        _ => "No bed is free tonight.",
    };
}
