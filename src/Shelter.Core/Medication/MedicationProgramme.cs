using Shelter.Core.Intake;

namespace Shelter.Core.Medication;

public enum MedicationKind
{
    Ost = 1,
    Art = 2,
    Other = 3,
}

public enum DispensingSchedule
{
    /// <summary>She takes each dose at the dispensing site (typical for OST at first).</summary>
    SupervisedDaily = 1,
    /// <summary>She is given doses to take at home until the next pick-up.</summary>
    TakeHome = 2,
}

/// <summary>
/// A continuing treatment she must not lose while she stays: opioid substitution therapy,
/// antiretroviral therapy or another. Need-to-know: staff see only that it needs attention.
/// Kind, medicine, dose, pick-up window and notes are encrypted in the database: compare them
/// in memory, never in a query (the ciphertext differs every time).
/// </summary>
public class MedicationProgramme : Integrity.IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int ResidentId { get; set; }
    public MedicationKind Kind { get; set; }
    /// <summary>Methadone, buprenorphine, a named ART regimen…</summary>
    public string? Medicine { get; set; }
    public string? Dose { get; set; }
    /// <summary>A partner (OST site, AIDS centre, clinic) that dispenses it.</summary>
    public int? DispensingSiteId { get; set; }
    public DispensingSchedule Schedule { get; set; } = DispensingSchedule.TakeHome;
    /// <summary>Days of medication she has, counted from <see cref="SupplyAsOf"/> (that day included).</summary>
    public int? SupplyDays { get; set; }
    public DateOnly? SupplyAsOf { get; set; }
    public DateOnly? NextPickupOn { get; set; }
    /// <summary>When she can go (the Maria example: afternoons, when her partner is not around).</summary>
    public string? PickupWindow { get; set; }
    public string? Notes { get; set; }
    public DateOnly? LastDispensedOn { get; set; }
    /// <summary>The days a pick-up usually gives her (1 for supervised daily dosing); a new pick-up starts from it.</summary>
    public int? UsualSupplyDays { get; set; }

    /// <summary>What "Record pick-up" offers: her usual supply, else a day for daily dosing or what she had last.</summary>
    public int DefaultPickupDays => UsualSupplyDays
        ?? (Schedule == DispensingSchedule.SupervisedDaily ? 1 : SupplyDays is int d and > 0 ? d : 1);

    /// <summary>At intake: did she have enough with her?</summary>
    public Answer HasEnoughAtIntake { get; set; }
    public DateTime RecordedAt { get; set; }
    public DateTime? EndedAt { get; set; }

    /// <summary>The last day her supply covers, if known.</summary>
    public DateOnly? SupplyUntil => SupplyAsOf is { } from && SupplyDays is { } days
        ? Validation.InputBounds.AddDaysSaturating(from, days - 1L) : null;

    /// <summary>Records her supply as "enough until <paramref name="until"/>", counted from <paramref name="asOf"/>.</summary>
    public void SupplyLastsUntil(DateOnly asOf, DateOnly? until)
    {
        SupplyAsOf = until is null ? null : asOf;
        SupplyDays = until is null ? null : Math.Max(0, until.Value.DayNumber - asOf.DayNumber + 1);
    }
}

public enum ClosureReason
{
    Lockdown = 1,
    ArmedConflict = 2,
    Funding = 3,
    Other = 4,
    /// <summary>A public holiday: the site is closed that day, as at a weekend.</summary>
    Holiday = 5,
}

/// <summary>A dispensing site closed for a range of days (both ends included): the lockdown and armed-conflict scenario.</summary>
public class DispensingSiteClosure
{
    public int Id { get; set; }
    public int PartnerId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public ClosureReason Reason { get; set; }
    public DateTime RecordedAt { get; set; }

    public bool Covers(DateOnly day) => From <= day && (To is null || To >= day);
}
