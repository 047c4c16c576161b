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
using Shelter.Web.Care;

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

    public static string Of(IntakeOutcome outcome) => outcome switch
    {
        IntakeOutcome.Bed => "Admitted to a bed",
        IntakeOutcome.SafeRoom => "Placed in a safe room",
        IntakeOutcome.WaitingList => "On the waiting list",
        IntakeOutcome.Referral => "Referred to a partner",
        _ => outcome.ToString(),
    };

    public static string Of(OutcomeReason reason) => reason switch
    {
        OutcomeReason.NoFittingCapacity => "No capacity that fits her tonight",
        OutcomeReason.SheChoseAnotherOption => "She chose another option",
        OutcomeReason.NeedsHospitalCareNow => "She needs hospital care now",
        OutcomeReason.LeftBeforeDecision => "She left before a decision",
        OutcomeReason.SafetyFirst => "High risk: a safe room first",
        _ => reason.ToString(),
    };

    public static string Of(Answer answer) => answer switch
    {
        Answer.Yes => "Yes",
        Answer.No => "No",
        _ => "Not said",
    };

    public static string Of(HerChoice choice) => choice switch
    {
        HerChoice.StayHere => "A place here",
        HerChoice.AnotherOption => "Another option (a partner's service, family, friends)",
        _ => choice.ToString(),
    };

    public static string Of(PartnerKind kind) => kind switch
    {
        PartnerKind.Shelter => "Shelter",
        PartnerKind.CrisisCentre => "Crisis centre",
        PartnerKind.HarmReduction => "Harm-reduction programme",
        PartnerKind.LegalAid => "Legal aid",
        PartnerKind.Medical => "Medical",
        PartnerKind.EmploymentService => "Employment service",
        PartnerKind.ChildServices => "Child services",
        PartnerKind.Police => "Police",
        _ => kind.ToString(),
    };

    /// <summary>What a partner accepts, as the directory lists it.</summary>
    public static string Of(HerNeed need) => need switch
    {
        HerNeed.DrugUse => "Women who use drugs",
        HerNeed.Ost => "Women on OST",
        HerNeed.Art => "Women on ART (living with HIV)",
        HerNeed.Children => "Women with children",
        HerNeed.OlderBoy => "Her son at his age",
        HerNeed.WithoutDocuments => "Women without documents",
        HerNeed.TransWoman => "Transgender women",
        HerNeed.Wheelchair => "Wheelchair users",
        _ => need.ToString(),
    };

    /// <summary>What to ask a partner before sending her, when the directory does not know.</summary>
    public static string NotKnown(HerNeed need) => need switch
    {
        HerNeed.DrugUse => "Not known whether it accepts women who use drugs: call first",
        HerNeed.Ost => "Not known whether it accepts OST: call first",
        HerNeed.Art => "Not known whether it accepts ART: call first",
        HerNeed.Children => "Not known whether it takes children: call first",
        HerNeed.OlderBoy => "Not known whether it takes her son at his age: call first",
        HerNeed.WithoutDocuments => "Not known whether it accepts women without documents: call first",
        HerNeed.TransWoman => "Not known whether it accepts transgender women: call first",
        HerNeed.Wheelchair => "Not known whether it is accessible for a wheelchair: call first",
        _ => need.ToString(),
    };

    public static string Of(Acceptance acceptance) => acceptance switch
    {
        Acceptance.Yes => "Yes",
        Acceptance.No => "No",
        _ => "Not known",
    };

    public static string Of(BarrierReason reason) => reason switch
    {
        BarrierReason.RulesProhibitDrugUse => "Rules prohibit drug use",
        BarrierReason.RulesProhibitOst => "Rules prohibit OST",
        BarrierReason.HivStatus => "HIV status",
        BarrierReason.HepatitisOrTb => "Hepatitis or TB",
        BarrierReason.SexWork => "Sex work",
        BarrierReason.HasChildren => "She has children with her",
        BarrierReason.NoDocuments => "No passport or ID",
        BarrierReason.NoPcrTest => "No COVID/PCR test",
        BarrierReason.GenderIdentity => "Gender identity",
        BarrierReason.MigrantOrRoma => "Migrant or Roma background",
        BarrierReason.CriminalRecord => "Criminal record",
        _ => "Other",
    };

    public static string Of(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Referral => "Referral for services",
        ConsentPurpose.Police => "Police",
        ConsentPurpose.ChildWelfare => "Child welfare",
        ConsentPurpose.Medical => "Medical",
        ConsentPurpose.Legal => "Legal",
        _ => purpose.ToString(),
    };

    public static string Of(MissingDocuments document) => document switch
    {
        MissingDocuments.Passport => "Passport",
        MissingDocuments.NationalId => "National ID",
        MissingDocuments.ChildBirthCertificate => "A child's birth certificate",
        MissingDocuments.MedicalRecords => "Medical records (needed to enter OST)",
        MissingDocuments.ResidenceRegistration => "Residence registration",
        MissingDocuments.SocialBenefitPapers => "Social-benefit papers",
        _ => document.ToString(),
    };

    public static string Of(DocumentType document) => document switch
    {
        DocumentType.Passport => "Passport",
        DocumentType.NationalId => "National ID",
        DocumentType.ChildBirthCertificate => "Child's birth certificate",
        DocumentType.MedicalRecords => "Medical records",
        DocumentType.ResidenceRegistration => "Residence registration",
        DocumentType.SocialBenefitPapers => "Social-benefit papers",
        _ => document.ToString(),
    };

    public static string Of(MedicationKind kind) => kind switch
    {
        MedicationKind.Ost => "Opioid substitution therapy (OST)",
        MedicationKind.Art => "Antiretroviral therapy (ART)",
        _ => "Other continuing treatment",
    };

    public static string Of(ContinuityStatus status) => status switch
    {
        ContinuityStatus.Broken => "Broken",
        ContinuityStatus.AtRisk => "At risk",
        _ => "Covered",
    };

    public static string CssOf(ContinuityStatus status) => status switch
    {
        ContinuityStatus.Broken => "text-bg-danger",
        ContinuityStatus.AtRisk => "text-bg-warning",
        _ => "text-bg-success",
    };

    public static string Of(NextDoseStep step) => step switch
    {
        NextDoseStep.NewInduction => "New induction needed",
        NextDoseStep.PrescriberReviewsDose => "Prescriber reviews the dose first",
        _ => "Usual dose",
    };

    public static string Of(Shelter.Web.Care.Holding holding) => holding switch
    {
        Shelter.Web.Care.Holding.InTheHouse => "in the house",
        Shelter.Web.Care.Holding.SafeRoom => "in a safe room",
        Shelter.Web.Care.Holding.WaitingList => "on the waiting list",
        Shelter.Web.Care.Holding.Referred => "referred, not yet confirmed housed",
        _ => "left us",
    };

    public static string Of(FollowUpKind kind) => kind switch
    {
        FollowUpKind.StayReview => "Review of her stay before it ends",
        FollowUpKind.DocumentRecovery => "Document recovery",
        FollowUpKind.MedicationContinuity => "Medication continuity",
        FollowUpKind.JobSearch => "Job search",
        FollowUpKind.ChildService => "Children's services",
        FollowUpKind.WaitingListContact => "Reach her on the waiting list",
        _ => "Follow-up",
    };

    public static string Of(WaitingClosed reason) => reason switch
    {
        WaitingClosed.Admitted => "Checked in here",
        WaitingClosed.Referred => "Referred to a partner",
        WaitingClosed.NoLongerNeeded => "No longer needed",
        WaitingClosed.HousedElsewhere => "Housed elsewhere",
        WaitingClosed.NoContact => "No contact after the tries recorded",
        WaitingClosed.HerChoice => "Her choice",
        _ => reason.ToString(),
    };

    public static string Of(RecoveryStepKind kind) => kind switch
    {
        RecoveryStepKind.ReportedToPolice => "Loss or withholding reported to the police",
        RecoveryStepKind.ApplicationFiled => "Application filed",
        RecoveryStepKind.Appointment => "Appointment",
        RecoveryStepKind.Issued => "Issued",
        RecoveryStepKind.Collected => "Collected",
        _ => kind.ToString(),
    };

    public static string Of(Shelter.Core.Employment.JobSearchStepKind kind) => kind switch
    {
        Shelter.Core.Employment.JobSearchStepKind.RegisteredWithEmploymentService => "Registered with the employment service",
        Shelter.Core.Employment.JobSearchStepKind.CvWritten => "CV written",
        Shelter.Core.Employment.JobSearchStepKind.Interview => "Interview",
        Shelter.Core.Employment.JobSearchStepKind.Training => "Training",
        Shelter.Core.Employment.JobSearchStepKind.Offer => "Job offer",
        Shelter.Core.Employment.JobSearchStepKind.StartedWork => "Started work",
        _ => kind.ToString(),
    };

    public static string Of(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "Open",
        FollowUpStatus.Done => "Done",
        FollowUpStatus.DeclinedByHer => "Declined by her",
        FollowUpStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };
}
