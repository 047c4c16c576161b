using Shelter.Core.Beds;

namespace Shelter.Web.Housing;

/// <summary>Which beds a worker can offer, and which beds her children take beside her.</summary>
public static class FreeBeds
{
    /// <summary>Free or held beds (a held bed is offered to the woman it was held for), by site, room and bed.</summary>
    public static List<BedNow> ToOffer(IEnumerable<BedNow> beds) => beds
        .Where(b => b.Bed.State is BedState.Free or BedState.Held)
        .OrderBy(b => b.Bed.SiteName).ThenBy(b => b.Bed.RoomName).ThenBy(b => b.Bed.BedLabel)
        .ToList();

    /// <summary>Free beds in her room for her children, in label order; fewer than asked means the room is too small.</summary>
    public static List<BedNow> BesideHer(IEnumerable<BedNow> beds, BedNow hers, int children) => beds
        .Where(b => b.Bed.RoomId == hers.Bed.RoomId && b.Bed.BedId != hers.Bed.BedId && b.Bed.State == BedState.Free)
        .OrderBy(b => b.Bed.BedLabel, StringComparer.Ordinal)
        .Take(children)
        .ToList();
}
