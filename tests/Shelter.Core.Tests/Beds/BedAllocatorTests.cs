using Shelter.Core.Beds;
using Shelter.Core.Sites;

namespace Shelter.Core.Tests.Beds;

public class BedAllocatorTests
{
    private static HousingNeed Alone => new(Children: 0, NeedsAccessibleRoom: false, HighRisk: false);

    [Fact]
    public void A_woman_alone_gets_a_single_room_before_a_family_room()
    {
        var net = new BedNetworkBuilder().Room("Family", RoomKind.Family, 4).Room("Single", RoomKind.Single, 1);

        var result = BedAllocator.Suggest(Alone, net.Build());

        Assert.Equal("Single", net.RoomNameOf(result.Suggestion!.BedId));
        Assert.Contains("single room", result.Reason);
    }

    [Fact]
    public void A_mother_and_her_children_stay_together_in_a_family_room()
    {
        var net = new BedNetworkBuilder()
            .Room("Shared", RoomKind.Shared, 4, BedState.Occupied, BedState.Occupied)
            .Room("Family", RoomKind.Family, 4);

        var result = BedAllocator.Suggest(Alone with { Children = 2 }, net.Build());

        var beds = result.Suggestion!.BedIds;
        Assert.Equal(3, beds.Count);
        Assert.Single(beds.Select(net.RoomOf).Distinct());
        Assert.Equal("Family", net.RoomNameOf(beds[0]));
        Assert.Contains("her 2 children stay together", result.Reason);
    }

    [Fact]
    public void A_family_is_never_split_across_rooms_even_when_enough_beds_are_free_in_total()
    {
        var net = new BedNetworkBuilder()
            .Room("Family A", RoomKind.Family, 3, BedState.Occupied, BedState.Occupied)
            .Room("Family B", RoomKind.Family, 3, BedState.Occupied, BedState.Occupied);

        var result = BedAllocator.Suggest(Alone with { Children = 1 }, net.Build());

        Assert.False(result.Found);
        Assert.Contains("No room has 2 free beds together", result.Reason);
    }

    [Fact]
    public void The_tightest_family_room_is_used_so_a_bigger_family_still_fits_later()
    {
        var net = new BedNetworkBuilder().Room("Big family", RoomKind.Family, 5).Room("Small family", RoomKind.Family, 2);

        var result = BedAllocator.Suggest(Alone with { Children = 1 }, net.Build());

        Assert.Equal("Small family", net.RoomNameOf(result.Suggestion!.BedId));
    }

    [Fact]
    public void An_accessible_need_gets_an_accessible_room_only()
    {
        var net = new BedNetworkBuilder().Room("Single", RoomKind.Single, 1).Room("Accessible", RoomKind.Accessible, 2);

        var result = BedAllocator.Suggest(Alone with { NeedsAccessibleRoom = true }, net.Build());

        Assert.Equal("Accessible", net.RoomNameOf(result.Suggestion!.BedId));
        Assert.Contains("accessible room", result.Reason);
    }

    [Fact]
    public void With_no_accessible_room_free_the_allocator_says_so_rather_than_suggest_stairs()
    {
        var net = new BedNetworkBuilder().Room("Single", RoomKind.Single, 1).Room("Accessible", RoomKind.Accessible, 1, BedState.Occupied);

        var result = BedAllocator.Suggest(Alone with { NeedsAccessibleRoom = true }, net.Build());

        Assert.False(result.Found);
        Assert.Contains("No accessible room", result.Reason);
    }

    [Fact]
    public void A_woman_without_that_need_is_kept_out_of_the_accessible_room_while_others_are_free()
    {
        var net = new BedNetworkBuilder().Room("Accessible", RoomKind.Accessible, 2).Room("Shared", RoomKind.Shared, 4);

        var result = BedAllocator.Suggest(Alone, net.Build());

        Assert.Equal("Shared", net.RoomNameOf(result.Suggestion!.BedId));
    }

    [Fact]
    public void High_risk_prefers_a_safe_room()
    {
        var net = new BedNetworkBuilder().Room("Single", RoomKind.Single, 1).Room("Safe room", RoomKind.SafeRoom, 2);

        var result = BedAllocator.Suggest(Alone with { HighRisk = true }, net.Build());

        Assert.True(result.Suggestion!.IsSafeRoom);
        Assert.Contains("High risk: a safe room", result.Reason);
    }

    [Fact]
    public void High_risk_with_no_safe_room_free_goes_to_the_confidential_address()
    {
        var net = new BedNetworkBuilder()
            .Site("Open House").Room("Single", RoomKind.Single, 1).Room("Safe room", RoomKind.SafeRoom, 1, BedState.Occupied)
            .Site("Hidden House", confidential: true).Room("Shared", RoomKind.Shared, 4);

        var result = BedAllocator.Suggest(Alone with { HighRisk = true }, net.Build());

        Assert.Equal("Shared", net.RoomNameOf(result.Suggestion!.BedId));
        Assert.Contains("confidential address", result.Reason);
    }

    [Fact]
    public void High_risk_mother_and_daughter_share_a_safe_room_as_in_the_Rosa_example()
    {
        var net = new BedNetworkBuilder().Room("Family", RoomKind.Family, 3).Room("Safe room", RoomKind.SafeRoom, 2);

        var result = BedAllocator.Suggest(new HousingNeed(Children: 1, NeedsAccessibleRoom: false, HighRisk: true), net.Build());

        Assert.True(result.Suggestion!.IsSafeRoom);
        Assert.Equal(2, result.Suggestion.BedIds.Count);
    }

    [Fact]
    public void A_safe_room_is_used_for_an_ordinary_need_only_when_nothing_else_fits()
    {
        var net = new BedNetworkBuilder().Room("Shared", RoomKind.Shared, 2, BedState.Occupied, BedState.Occupied)
            .Room("Safe room", RoomKind.SafeRoom, 2);

        var result = BedAllocator.Suggest(Alone, net.Build());

        Assert.True(result.Suggestion!.IsSafeRoom);
        Assert.Contains("Nothing else fits tonight", result.Reason);
    }

    [Fact]
    public void A_full_shelter_has_no_suggestion_and_says_why()
    {
        var net = new BedNetworkBuilder().Room("Shared", RoomKind.Shared, 2, BedState.Occupied, BedState.Occupied);

        var result = BedAllocator.Suggest(Alone, net.Build());

        Assert.False(result.Found);
        Assert.Equal("No bed is free tonight.", result.Reason);
    }

    [Theory]
    [InlineData(BedState.OutOfService)]
    [InlineData(BedState.Held)]
    [InlineData(BedState.Occupied)]
    public void Beds_that_are_not_free_are_never_suggested(BedState state)
    {
        var net = new BedNetworkBuilder().Room("Single", RoomKind.Single, 1, state).Room("Shared", RoomKind.Shared, 2);

        var result = BedAllocator.Suggest(Alone, net.Build());

        Assert.Equal("Shared", net.RoomNameOf(result.Suggestion!.BedId));
    }

    [Fact]
    public void A_preferred_site_breaks_a_tie()
    {
        var net = new BedNetworkBuilder()
            .Site("First").Room("Single A", RoomKind.Single, 1)
            .Site("Second").Room("Single B", RoomKind.Single, 1);

        var result = BedAllocator.Suggest(Alone with { PreferredSiteId = net.SiteIdOf("Second") }, net.Build());

        Assert.Equal("Single B", net.RoomNameOf(result.Suggestion!.BedId));
    }

    [Fact]
    public void The_same_beds_give_the_same_suggestion_every_time()
    {
        var beds = new BedNetworkBuilder().Room("Shared 1", RoomKind.Shared, 3).Room("Shared 2", RoomKind.Shared, 3).Build();

        var first = BedAllocator.Suggest(Alone, beds);
        var again = BedAllocator.Suggest(Alone, beds.Reverse().ToList());

        Assert.Equal(first.Suggestion!.BedId, again.Suggestion!.BedId);
    }

    [Fact]
    public void The_need_has_no_place_for_gender_identity_drug_use_or_documents()
    {
        // She is housed as the woman she says she is: the allocator cannot even be told otherwise.
        // Her older sons and her agreement to rooms side by side are about keeping her family whole.
        var properties = typeof(HousingNeed).GetProperties().Select(p => p.Name).Order().ToList();

        Assert.Equal(["AgreesToAdjacentRooms", "BedsNeeded", "Children", "HighRisk", "NeedsAccessibleRoom", "OlderSons",
            "PreferredSiteId"], properties);
    }
}
