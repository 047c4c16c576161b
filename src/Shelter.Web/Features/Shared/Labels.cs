using System.Globalization;
using System.Resources;
using Shelter.Core.Beds;
using Shelter.Core.Consents;
using Shelter.Core.Documents;
using Shelter.Core.FollowUps;
using Shelter.Core.Intake;
using Shelter.Core.Medication;
using Shelter.Core.Partners;
using Shelter.Core.Residents;
using Shelter.Core.Sites;
using Shelter.Core.Stays;

namespace Shelter.Web.Features.Shared;

/// <summary>
/// The words staff see for the system's enums; one place, so every page says the same. The words
/// are resources keyed by enum type and value (<c>BedState.Free</c>), in the reader's language;
/// <c>Type._</c> is the word for a value without its own.
/// </summary>
public static class Labels
{
    private static readonly ResourceManager Words = new("Shelter.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static string Text<T>(string prefix, T value) where T : struct, Enum =>
        Words.GetString($"{prefix}.{value}", CultureInfo.CurrentUICulture)
        ?? Words.GetString($"{prefix}._", CultureInfo.CurrentUICulture)
        ?? value.ToString();

    /// <summary>A role as colleagues call it (resources Role.Staff …).</summary>
    public static string Role(string role) => Words.GetString($"Role.{role}", CultureInfo.CurrentUICulture) ?? role;

    public static string Of(BedState state) => Text("BedState", state);

    public static string CssOf(BedState state) => state switch
    {
        BedState.Free => "bed-free",
        BedState.Held => "bed-held",
        BedState.Occupied => "bed-occupied",
        _ => "bed-out",
    };

    public static string Of(RoomKind kind) => Text("RoomKind", kind);

    public static string Of(ArrivalRoute route) => Text("ArrivalRoute", route);

    public static string Of(ExitReason reason) => Text("ExitReason", reason);

    public static string Of(ExitDestination destination) => Text("ExitDestination", destination);

    public static string Of(OutOfServiceReason reason) => Text("OutOfServiceReason", reason);

    public static string Of(IntakeOutcome outcome) => Text("IntakeOutcome", outcome);

    public static string Of(OutcomeReason reason) => Text("OutcomeReason", reason);

    public static string Of(Answer answer) => Text("Answer", answer);

    public static string Of(HerChoice choice) => Text("HerChoice", choice);

    public static string Of(PartnerKind kind) => Text("PartnerKind", kind);

    /// <summary>What a partner accepts, as the directory lists it.</summary>
    public static string Of(HerNeed need) => Text("HerNeed", need);

    /// <summary>What to ask a partner before sending her, when the directory does not know.</summary>
    public static string NotKnown(HerNeed need) => Text("NotKnown.HerNeed", need);

    public static string Of(Acceptance acceptance) => Text("Acceptance", acceptance);

    public static string Of(BarrierReason reason) => Text("BarrierReason", reason);

    public static string Of(ConsentPurpose purpose) => Text("ConsentPurpose", purpose);

    public static string Of(MissingDocuments document) => Text("MissingDocuments", document);

    public static string Of(DocumentType document) => Text("DocumentType", document);

    public static string Of(MedicationKind kind) => Text("MedicationKind", kind);

    public static string Of(ContinuityStatus status) => Text("ContinuityStatus", status);

    public static string CssOf(ContinuityStatus status) => status switch
    {
        ContinuityStatus.Broken => "text-bg-danger",
        ContinuityStatus.AtRisk => "text-bg-warning",
        _ => "text-bg-success",
    };

    public static string Of(NextDoseStep step) => Text("NextDoseStep", step);

    public static string Of(Shelter.Web.Care.Holding holding) => Text("Holding", holding);

    public static string Of(FollowUpKind kind) => Text("FollowUpKind", kind);

    public static string Of(WaitingClosed reason) => Text("WaitingClosed", reason);

    public static string Of(RecoveryStepKind kind) => Text("RecoveryStepKind", kind);

    public static string Of(Shelter.Core.Employment.JobSearchStepKind kind) => Text("JobSearchStepKind", kind);

    public static string Of(FollowUpStatus status) => Text("FollowUpStatus", status);

    public static string Of(Shelter.Core.Documents.RecoveryStatus status) => Text("RecoveryStatus", status);

    public static string Of(Shelter.Core.Employment.JobSearchStatus status) => Text("JobSearchStatus", status);
}
