using Shelter.Core.Beds;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;

namespace Shelter.Web.Features.Shared;

/// <summary>The words staff see for the system's enums; one place, so every page says the same.</summary>
public static class Labels
{
    public static string Of(BedState state) => state switch
    {
        BedState.Free => "Free",
        BedState.Held => "Held",
        BedState.Occupied => "Occupied",
        BedState.OutOfService => "Out of service",
        _ => state.ToString(),
    };

    public static string CssOf(BedState state) => state switch
    {
        BedState.Free => "bed-free",
        BedState.Held => "bed-held",
        BedState.Occupied => "bed-occupied",
        _ => "bed-out",
    };

    public static string Of(RoomKind kind) => kind switch
    {
        RoomKind.Single => "Single room",
        RoomKind.Shared => "Shared room",
        RoomKind.Family => "Family room",
        RoomKind.Accessible => "Accessible room",
        RoomKind.SafeRoom => "Safe room",
        _ => kind.ToString(),
    };

    public static string Of(ArrivalRoute route) => route switch
    {
        ArrivalRoute.HelpLine => "Help line",
        ArrivalRoute.Police => "Police",
        ArrivalRoute.OutreachWorker => "Outreach worker",
        ArrivalRoute.Paralegal => "Paralegal",
        ArrivalRoute.CaseManager => "Case manager",
        ArrivalRoute.Self => "She came herself",
        ArrivalRoute.PartnerOrganisation => "Partner organisation",
        _ => route.ToString(),
    };

    public static string Of(ExitReason reason) => reason switch
    {
        ExitReason.PlannedEnd => "The planned end of her stay",
        ExitReason.HerChoice => "She chose to leave",
        ExitReason.MovedWithinNetwork => "Moved within the network",
        ExitReason.ReferredElsewhere => "Referred to a partner",
        ExitReason.NeedsHospitalCare => "Needs hospital care",
        ExitReason.LeftWithoutNotice => "Left without notice",
        ExitReason.SafeRoomStayEnded => "Safe-room stay ended",
        _ => reason.ToString(),
    };

    public static string Of(ExitDestination destination) => destination switch
    {
        ExitDestination.OwnHousing => "Her own housing",
        ExitDestination.FamilyOrFriends => "Family or friends",
        ExitDestination.AnotherShelter => "Another shelter",
        ExitDestination.HospitalOrTreatment => "Hospital or treatment",
        ExitDestination.ReturnedToPartner => "Returned to her partner",
        ExitDestination.WithinThisNetwork => "Within this network",
        ExitDestination.Unknown => "Unknown",
        ExitDestination.Other => "Other",
        _ => destination.ToString(),
    };

    public static string Of(OutOfServiceReason reason) => reason switch
    {
        OutOfServiceReason.Repair => "Repair",
        OutOfServiceReason.Cleaning => "Cleaning",
        OutOfServiceReason.Quarantine => "Quarantine",
        _ => "Other",
    };
}
