using Shelter.Core.Sites;
using Shelter.Core.Text;

namespace Shelter.Core.Beds;

/// <summary>One bed as the allocator sees it tonight.</summary>
public sealed record BedCandidate(
    int BedId, string BedLabel,
    int RoomId, string RoomName, RoomKind RoomKind,
    int SiteId, string SiteName, bool SiteConfidential,
    BedState State, string? FamilyUnit = null);

/// <summary>
/// What the allocator may weigh. Deliberately absent: gender identity, drug use,
/// medication, documents. She is housed as the woman she says she is, in any women's room.
/// </summary>
/// <param name="OlderSons">Her sons too old to sleep in a women's shared room (over <see cref="BedAllocator.BoysInSharedRoomsUpToAge"/>);
/// known only if she said which children are boys.</param>
/// <param name="AgreesToAdjacentRooms">She agreed (her choice) that her family may sleep in rooms side by side when one room cannot hold
/// it.</param>
public sealed record HousingNeed(int Children, bool NeedsAccessibleRoom, bool HighRisk, int? PreferredSiteId = null, int OlderSons = 0,
    bool AgreesToAdjacentRooms = false)
{
    public int BedsNeeded => 1 + Children;
}

/// <summary>The beds to use (hers first, then one per child, all in one room) and why.</summary>
public sealed record BedSuggestion(IReadOnlyList<int> BedIds, int RoomId,
    RoomKind RoomKind, int SiteId, Said Says, bool AcrossAdjacentRooms = false)
{
    /// <summary>Why, in English.</summary>
    public string Reason => Says.ToString();

    public int BedId => BedIds[0];
    public bool IsSafeRoom => RoomKind == RoomKind.SafeRoom;
}

/// <param name="AdjacentRoomsWouldFit">No single room holds her family, but rooms side by side would, if she agrees.</param>
public sealed record Allocation(BedSuggestion? Suggestion, Said Says, bool AdjacentRoomsWouldFit = false)
{
    /// <summary>Why, in English.</summary>
    public string Reason => Says.ToString();

    public bool Found => Suggestion is not null;
}

/// <summary>
/// Suggests the best free bed. A mother and her children share one room; an accessible
/// need gets an accessible room; high risk prefers a safe room or a confidential address;
/// safe rooms are otherwise kept for when nothing else fits. Staff may choose otherwise.
/// </summary>
public static class BedAllocator
{
    /// <summary>A boy older than this does not sleep in a women's shared room: his family needs a room (or rooms) of its own.</summary>
    public const int BoysInSharedRoomsUpToAge = 12;

    /// <summary>Whether one room can hold her household: enough free beds, accessible if she needs it, no shared room for an older
    /// son.</summary>
    public static bool Holds(HousingNeed need, RoomKind kind, int freeBeds) =>
        freeBeds >= need.BedsNeeded && (!need.NeedsAccessibleRoom || kind == RoomKind.Accessible)
            && (need.OlderSons == 0 || kind != RoomKind.Shared);

    public static Allocation Suggest(HousingNeed need, IEnumerable<BedCandidate> beds)
    {
        var free = beds.Where(b => b.State == BedState.Free).ToList();
        var rooms = free
            .GroupBy(b => b.RoomId)
            .Select(g => g.OrderBy(b => b.BedLabel, StringComparer.Ordinal).ThenBy(b => b.BedId).ToList())
            .Where(room => Holds(need, room[0].RoomKind, room.Count))
            .ToList();

        if (rooms.Count == 0)
        {
            // Only when no single room fits: rooms side by side, with her agreement.
            var adjacent = AdjacentRooms(need, free);
            if (adjacent is null) return new Allocation(null, NoFitReason(need));
            if (!need.AgreesToAdjacentRooms)
            {
                var sideBySide = new Said("Rooms side by side in {0} at {1} could keep her family together, if she agrees.",
                    adjacent[0].FamilyUnit, adjacent[0].SiteName);
                return new Allocation(null, Said.Join(NoFitReason(need), sideBySide), AdjacentRoomsWouldFit: true);
            }
            var hers = adjacent[0];
            var roomNames = adjacent.Select(b => b.RoomName).Distinct().ToList();
            object names = roomNames.Count == 2 ? new Said("{0} and {1}", roomNames[0], roomNames[1]) : string.Join(", ", roomNames);
            var reason = new Said("No single room holds her family tonight: {0} side by side in {1} at {2}, as she agreed.",
                names, hers.FamilyUnit, hers.SiteName);
            return new Allocation(new BedSuggestion(adjacent.Select(b => b.BedId).ToList(), hers.RoomId, hers.RoomKind, hers.SiteId, reason,
                AcrossAdjacentRooms: true), reason);
        }

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

    /// <summary>
    /// The beds of one family unit (rooms of one site side by side) that hold her household:
    /// her bed first, in the room with the most free beds, then her children's. Safe rooms and,
    /// with an older son, shared rooms are left out; an accessible need wants her room accessible.
    /// </summary>
    private static IReadOnlyList<BedCandidate>? AdjacentRooms(HousingNeed need, IReadOnlyList<BedCandidate> free)
    {
        if (need.Children == 0) return null;
        return free
            .Where(b => b.FamilyUnit is not null && b.RoomKind != RoomKind.SafeRoom
                && (need.OlderSons == 0 || b.RoomKind != RoomKind.Shared))
            .GroupBy(b => (b.SiteId, Unit: b.FamilyUnit!))
            .Select(unit => unit.GroupBy(b => b.RoomId)
                .Select(room => room.OrderBy(b => b.BedLabel, StringComparer.Ordinal).ThenBy(b => b.BedId).ToList())
                .OrderByDescending(room => need.NeedsAccessibleRoom && room[0].RoomKind == RoomKind.Accessible)
                .ThenByDescending(room => room.Count).ThenBy(room => room[0].RoomId)
                .ToList())
            .Where(rooms => rooms.Sum(r => r.Count) >= need.BedsNeeded && rooms.Count > 1
                && (!need.NeedsAccessibleRoom || rooms[0][0].RoomKind == RoomKind.Accessible))
            .OrderBy(rooms => need.PreferredSiteId is { } site && rooms[0][0].SiteId != site ? 1 : 0)
            .ThenBy(rooms => rooms.Sum(r => r.Count) - need.BedsNeeded)
            .ThenBy(rooms => rooms[0][0].SiteId)
            .Select(rooms => rooms.SelectMany(r => r).Take(need.BedsNeeded).ToList())
            .FirstOrDefault();
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

    private static Said Explain(HousingNeed need, BedCandidate bed, int freeInRoom)
    {
        var where = freeInRoom == 1
            ? new Said("{0} at {1} (1 free bed).", bed.RoomName, bed.SiteName)
            : new Said("{0} at {1} ({2} free beds).", bed.RoomName, bed.SiteName, freeInRoom);
        var together = need.Children switch
        {
            0 => null,
            1 => new Said("She and her child stay together in one room."),
            _ => new Said("She and her {0} children stay together in one room.", need.Children),
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
        return Said.Join(where, new Said(why), together);
    }

    private static Said NoFitReason(HousingNeed need) => need switch
    {
        { OlderSons: > 0, NeedsAccessibleRoom: false } => new Said(
            "No family, single or accessible room has {0} free beds together tonight "
                + "(her son is too old for a women's shared room).", need.BedsNeeded),
        { NeedsAccessibleRoom: true } => need.BedsNeeded == 1
            ? new Said("No accessible room has 1 free bed tonight.")
            : new Said("No accessible room has {0} free beds tonight.", need.BedsNeeded),
        { Children: > 0 } => new Said("No room has {0} free beds together tonight.", need.BedsNeeded),
        _ => new Said("No bed is free tonight."),
    };
}
