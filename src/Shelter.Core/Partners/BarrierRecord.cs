namespace Shelter.Core.Partners;

/// <summary>
/// Why a partner refused a woman: the discriminatory rules the guide documents for advocacy
/// (Table 4). Here, and only here, these reasons may be written down, because they are the
/// partner's, not ours.
/// </summary>
public enum BarrierReason
{
    RulesProhibitDrugUse = 1,
    RulesProhibitOst = 2,
    HivStatus = 3,
    HepatitisOrTb = 4,
    SexWork = 5,
    HasChildren = 6,
    NoDocuments = 7,
    NoPcrTest = 8,
    GenderIdentity = 9,
    MigrantOrRoma = 10,
    CriminalRecord = 11,
    Other = 99,
}

/// <summary>
/// A refusal by a partner, recorded without the woman's identity: no link to her record, no
/// moment that matches her intake (only the week), a random id (not the order of intakes), and
/// no audit row of its own (its time and author would point back at her intake).
/// </summary>
public class BarrierRecord
{
    /// <summary>Random, so the order of refusals does not follow the order of intakes.</summary>
    public int Id { get; set; }
    public int? PartnerId { get; set; }
    public Partner? Partner { get; set; }
    /// <summary>For a service that is not in the directory.</summary>
    public string? OtherServiceName { get; set; }
    public BarrierReason Reason { get; set; }
    /// <summary>The Monday of the week she was refused: a week, never a day or a time.</summary>
    public DateOnly On { get; set; }

    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
