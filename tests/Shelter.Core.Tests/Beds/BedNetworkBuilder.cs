using Shelter.Core.Beds;
using Shelter.Core.Sites;

namespace Shelter.Core.Tests.Beds;

/// <summary>Builds the beds the allocator sees: sites, rooms, beds and their states.</summary>
public sealed class BedNetworkBuilder
{
    private readonly List<BedCandidate> _beds = [];
    private int _nextRoom = 1, _nextBed = 1, _nextSite = 1;
    private (int Id, string Name, bool Confidential) _site;

    public BedNetworkBuilder() => Site("Open House");

    public BedNetworkBuilder Site(string name, bool confidential = false)
    {
        _site = (_nextSite++, name, confidential);
        return this;
    }

    public BedNetworkBuilder Room(string name, RoomKind kind, int beds, params BedState[] states) => Room(name, kind, beds, null, states);

    /// <summary>A room in a family unit: rooms of one site with the same unit are side by side.</summary>
    public BedNetworkBuilder Room(string name, RoomKind kind, int beds, string? familyUnit, params BedState[] states)
    {
        var roomId = _nextRoom++;
        for (var i = 0; i < beds; i++)
        {
            var state = i < states.Length ? states[i] : BedState.Free;
            _beds.Add(new BedCandidate(_nextBed++, $"{name}-{i + 1}", roomId, name, kind, _site.Id, _site.Name, _site.Confidential,
                state, familyUnit));
        }
        return this;
    }

    public IReadOnlyList<BedCandidate> Build() => _beds;

    public int RoomOf(int bedId) => _beds.Single(b => b.BedId == bedId).RoomId;
    public int SiteIdOf(string siteName) => _beds.First(b => b.SiteName == siteName).SiteId;
    public string RoomNameOf(int bedId) => _beds.Single(b => b.BedId == bedId).RoomName;
}
