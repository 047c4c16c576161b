using Shelter.Core.Beds;
using Shelter.Core.Intake;
using Shelter.Core.Residents;
using Shelter.Core.Sites;

namespace Shelter.Core.Tests.Beds;

/// <summary>A household is kept whole: in one room first, in rooms side by side only when none fits and she agrees.</summary>
public class FamiliesKeptWholeTests
{
    private static BedNetworkBuilder TwoSmallRoomsOfAUnit() => new BedNetworkBuilder()
        .Room("Single 1", RoomKind.Single, 1, "Unit A")
        .Room("Single 2", RoomKind.Single, 2, "Unit A")
        .Room("Shared", RoomKind.Shared, 4, BedState.Occupied, BedState.Occupied);

    [Fact]
    public void With_no_room_for_her_family_adjacent_rooms_are_offered_only_with_her_agreement()
    {
        var net = TwoSmallRoomsOfAUnit();
        var need = new HousingNeed(Children: 2, NeedsAccessibleRoom: false, HighRisk: false);

        var without = BedAllocator.Suggest(need, net.Build());
        var with = BedAllocator.Suggest(need with { AgreesToAdjacentRooms = true }, net.Build());

        Assert.Null(without.Suggestion);
        Assert.True(without.AdjacentRoomsWouldFit);
        Assert.Contains("if she agrees", without.Reason);
        Assert.NotNull(with.Suggestion);
        Assert.True(with.Suggestion!.AcrossAdjacentRooms);
        Assert.Equal(3, with.Suggestion.BedIds.Count);
        Assert.Equal(["Single 1", "Single 2"], with.Suggestion.BedIds.Select(net.RoomNameOf).Distinct().Order());
        Assert.Equal("Single 2", net.RoomNameOf(with.Suggestion.BedId)); // her bed in the bigger room, with one child
    }

    [Fact]
    public void When_one_room_fits_the_allocator_never_splits_the_family_even_if_she_agreed()
    {
        var net = TwoSmallRoomsOfAUnit().Room("Family", RoomKind.Family, 3);

        var result = BedAllocator.Suggest(new HousingNeed(2, false, false, AgreesToAdjacentRooms: true), net.Build());

        Assert.False(result.Suggestion!.AcrossAdjacentRooms);
        Assert.Single(result.Suggestion.BedIds.Select(net.RoomOf).Distinct());
    }

    [Fact]
    public void Her_teenage_son_is_not_put_in_a_womens_shared_room()
    {
        var net = new BedNetworkBuilder().Room("Shared", RoomKind.Shared, 4).Room("Single 1", RoomKind.Single, 1, "Unit B")
            .Room("Single 2", RoomKind.Single, 1, "Unit B");

        var daughter = BedAllocator.Suggest(new HousingNeed(1, false, false), net.Build());
        var son = BedAllocator.Suggest(new HousingNeed(1, false, false, OlderSons: 1), net.Build());
        var sonWithHerAgreement = BedAllocator.Suggest(new HousingNeed(1, false, false, OlderSons: 1, AgreesToAdjacentRooms: true),
            net.Build());

        Assert.Equal("Shared", net.RoomNameOf(daughter.Suggestion!.BedId));
        Assert.Null(son.Suggestion);
        Assert.Contains("too old for a women's shared room", son.Reason);
        Assert.True(sonWithHerAgreement.Suggestion!.AcrossAdjacentRooms);
        Assert.DoesNotContain(sonWithHerAgreement.Suggestion.BedIds, id => net.RoomNameOf(id) == "Shared");
    }

    [Fact]
    public void Rooms_of_different_units_or_sites_are_never_combined()
    {
        var net = new BedNetworkBuilder().Room("Single 1", RoomKind.Single, 1, "Unit A").Room("Single 2", RoomKind.Single, 1, "Unit B")
            .Site("Other").Room("Single 3", RoomKind.Single, 1, "Unit A");

        Assert.Null(BedAllocator.Suggest(new HousingNeed(1, false, false, AgreesToAdjacentRooms: true), net.Build()).Suggestion);
    }

    [Fact]
    public void At_intake_a_son_said_to_be_fourteen_keeps_the_family_out_of_a_shared_room()
    {
        var net = new BedNetworkBuilder().Room("Shared", RoomKind.Shared, 4).Build();

        var decision = AdmissionPolicy.Decide(new IntakeAnswers { ChildAges = [14], ChildSexes = [ChildSex.Boy] }, net,
            Shelter.Core.Partners.PartnerDirectory.Empty);
        var withDaughter = AdmissionPolicy.Decide(new IntakeAnswers { ChildAges = [14], ChildSexes = [ChildSex.Girl] }, net,
            Shelter.Core.Partners.PartnerDirectory.Empty);

        Assert.Equal(IntakeOutcome.WaitingList, decision.Outcome);
        Assert.Equal(IntakeOutcome.Bed, withDaughter.Outcome);
    }
}
