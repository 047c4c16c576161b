using Shelter.Core.Residents;

namespace Shelter.Core.Partners;

/// <summary>What the directory knows about one thing a partner accepts.</summary>
public enum Acceptance
{
    NotKnown = 0,
    Yes = 1,
    No = 2,
}

/// <summary>What she needs a partner to accept; each is a reason partners have turned women away.</summary>
public enum HerNeed
{
    /// <summary>Women who use drugs; asked of every partner for a woman on OST (rules against drug use shut out OST clients too).</summary>
    DrugUse = 1,
    Ost = 2,
    Art = 3,
    Children = 4,
    /// <summary>A son older than the partner takes boys.</summary>
    OlderBoy = 5,
    WithoutDocuments = 6,
    TransWoman = 7,
    Wheelchair = 8,
}

/// <summary>A child who would go with her, for the partner's age limit for boys.</summary>
public sealed record ChildWithHer(int? Age, ChildSex? Sex);

/// <summary>What a partner must accept to take her. Read from the intake; nothing here is kept.</summary>
public sealed record PartnerNeeds
{
    public bool Ost { get; init; }
    public bool Art { get; init; }
    public IReadOnlyList<ChildWithHer> Children { get; init; } = [];
    public bool WithoutDocuments { get; init; }
    public bool TransWoman { get; init; }
    public bool Wheelchair { get; init; }

    public static PartnerNeeds From(Intake.IntakeAnswers intake) => new()
    {
        Ost = intake.TakesOst == Intake.Answer.Yes,
        Art = intake.TakesArt == Intake.Answer.Yes,
        Children = intake.ChildAges.Select((age, i) => new ChildWithHer(age, i < intake.ChildSexes.Count ? intake.ChildSexes[i] : null))
            .ToList(),
        WithoutDocuments = (intake.MissingDocuments & (Intake.MissingDocuments.Passport | Intake.MissingDocuments.NationalId)) != 0,
        TransWoman = intake.TransWoman,
        Wheelchair = intake.NeedsAccessibleRoom,
    };

    public IEnumerable<HerNeed> Each()
    {
        if (Ost) { yield return HerNeed.DrugUse; yield return HerNeed.Ost; }
        if (Art) yield return HerNeed.Art;
        if (Children.Count > 0) yield return HerNeed.Children;
        if (WithoutDocuments) yield return HerNeed.WithoutDocuments;
        if (TransWoman) yield return HerNeed.TransWoman;
        if (Wheelchair) yield return HerNeed.Wheelchair;
    }
}

/// <summary>A partner as the directory describes it: what it accepts, and since when that is confirmed.</summary>
public sealed record DirectoryEntry(int Id, string Name, PartnerKind Kind)
{
    public Acceptance DrugUse { get; init; }
    public Acceptance Ost { get; init; }
    public Acceptance Art { get; init; }
    public Acceptance Children { get; init; }
    /// <summary>The oldest boy it takes with his mother; null when not known.</summary>
    public int? BoysUpToAge { get; init; }
    public Acceptance WithoutDocuments { get; init; }
    public Acceptance TransWomen { get; init; }
    public Acceptance Wheelchair { get; init; }
    public DateOnly? ConfirmedOn { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Address { get; init; }

    public Acceptance Of(HerNeed need) => need switch
    {
        HerNeed.DrugUse => DrugUse,
        HerNeed.Ost => Ost,
        HerNeed.Art => Art,
        HerNeed.Children => Children,
        HerNeed.WithoutDocuments => WithoutDocuments,
        HerNeed.TransWoman => TransWomen,
        HerNeed.Wheelchair => Wheelchair,
        _ => Acceptance.NotKnown,
    };

    /// <summary>Whether it takes her sons: no when a boy is older than its limit; not known when the limit or a child's sex is.</summary>
    public Acceptance TakesHerSons(IReadOnlyList<ChildWithHer> children)
    {
        var result = Acceptance.Yes;
        foreach (var child in children.Where(c => c.Sex != ChildSex.Girl))
        {
            var tooOld = BoysUpToAge is int limit && child.Age is int age ? age > limit : (bool?)null;
            if (tooOld == false) continue;
            if (tooOld == true && child.Sex == ChildSex.Boy) return Acceptance.No;
            result = Acceptance.NotKnown;
        }
        return result;
    }
}

/// <summary>A refusal in the barrier log: which partner, for which of the needs, when. It names no woman.</summary>
public sealed record LoggedRefusal(int PartnerId, HerNeed Need, DateOnly On);

/// <summary>One proposed partner: why it fits, what to ask before sending her.</summary>
public sealed record ProposedPartner(DirectoryEntry Partner, IReadOnlyList<HerNeed> Fits, IReadOnlyList<HerNeed> NotKnown)
{
    public bool CallFirst => NotKnown.Count > 0;
}

/// <param name="Partners">Up to three, best fit first; empty when none fits.</param>
/// <param name="Outreach">When none fits: a harm-reduction partner that can keep in touch with her, if one is not known to refuse
/// her.</param>
public sealed record PartnerProposalResult(IReadOnlyList<ProposedPartner> Partners, ProposedPartner? Outreach)
{
    public bool NoneFits => Partners.Count == 0;
    public ProposedPartner? First => Partners.Count > 0 ? Partners[0] : null;
}

/// <summary>
/// A referral is a promise (PRODUCT rule 11): propose only partners that take everything she needs,
/// or say what is not known; never one known not to accept one of her needs, one that refused her
/// in this intake, or one the barrier log shows refusing one of her needs within the period.
/// Ranked by fit: fewest unknowns, then the wanted kinds in order, then the latest confirmation.
/// </summary>
public static class PartnerProposal
{
    /// <summary>Needs that reveal drug use, medication or gender identity: shown only to her case manager and whoever recorded the
    /// intake.</summary>
    public static bool IsNeedToKnow(HerNeed need) => need is HerNeed.DrugUse or HerNeed.Ost or HerNeed.Art or HerNeed.TransWoman;

    public const int MaxProposed = 3;

    public static PartnerProposalResult Propose(
        PartnerNeeds her,
        IReadOnlyList<DirectoryEntry> directory,
        IReadOnlyList<PartnerKind> kinds,
        IReadOnlyCollection<int> refusedHer,
        IReadOnlyList<LoggedRefusal> barrierLog)
    {
        var ranked = Fitting(her, directory, kinds, refusedHer, barrierLog)
            .OrderBy(p => p.NotKnown.Count)
            .ThenBy(p => IndexOf(kinds, p.Partner.Kind))
            .ThenByDescending(p => p.Partner.ConfirmedOn ?? DateOnly.MinValue)
            .ThenBy(p => p.Partner.Name, StringComparer.Ordinal)
            .Take(MaxProposed)
            .ToList();
        if (ranked.Count > 0 || kinds.Contains(PartnerKind.HarmReduction)) return new(ranked, null);

        var outreach = Fitting(her, directory, [PartnerKind.HarmReduction], refusedHer, barrierLog)
            .OrderBy(p => p.NotKnown.Count).ThenBy(p => p.Partner.Name, StringComparer.Ordinal).FirstOrDefault();
        return new(ranked, outreach);
    }

    /// <summary>The reasons in the barrier log that say which of her needs a partner refused.</summary>
    public static HerNeed? NeedRefused(BarrierReason reason) => reason switch
    {
        BarrierReason.RulesProhibitDrugUse => HerNeed.DrugUse,
        BarrierReason.RulesProhibitOst => HerNeed.Ost,
        BarrierReason.HivStatus => HerNeed.Art,
        BarrierReason.HasChildren => HerNeed.Children,
        BarrierReason.NoDocuments => HerNeed.WithoutDocuments,
        BarrierReason.GenderIdentity => HerNeed.TransWoman,
        _ => null,
    };

    private static IEnumerable<ProposedPartner> Fitting(PartnerNeeds her, IReadOnlyList<DirectoryEntry> directory,
        IReadOnlyList<PartnerKind> kinds,
        IReadOnlyCollection<int> refusedHer, IReadOnlyList<LoggedRefusal> barrierLog)
    {
        var needs = her.Each().ToList();
        foreach (var partner in directory)
        {
            if (!kinds.Contains(partner.Kind) || refusedHer.Contains(partner.Id)) continue;
            var fits = new List<HerNeed>();
            var notKnown = new List<HerNeed>();
            var refuses = false;
            foreach (var need in needs)
            {
                // A refusal logged since the directory was last confirmed outweighs what the directory says.
                var loggedRefusal = barrierLog.Any(r => r.PartnerId == partner.Id && r.Need == need
                    && (partner.ConfirmedOn is not { } confirmed || r.On >= confirmed));
                var answer = loggedRefusal ? Acceptance.No : partner.Of(need);
                if (answer == Acceptance.No) { refuses = true; break; }
                (answer == Acceptance.Yes ? fits : notKnown).Add(need);
            }
            if (refuses) continue;
            if (her.Children.Count > 0 && partner.Children != Acceptance.No)
            {
                var sons = partner.TakesHerSons(her.Children);
                if (sons == Acceptance.No) continue;
                if (sons == Acceptance.NotKnown) notKnown.Add(HerNeed.OlderBoy);
            }
            yield return new ProposedPartner(partner, fits, notKnown);
        }
    }

    private static int IndexOf(IReadOnlyList<PartnerKind> kinds, PartnerKind kind)
    {
        for (var i = 0; i < kinds.Count; i++) if (kinds[i] == kind) return i;
        return kinds.Count;
    }
}

/// <summary>The directory as a proposal reads it, with the refusals that rule partners out.</summary>
/// <param name="RefusedHer">Partners this intake records as having turned her away.</param>
/// <param name="BarrierLog">Refusals logged within the configured period (they name no woman, only the need refused).</param>
public sealed record PartnerDirectory(IReadOnlyList<DirectoryEntry> Entries, IReadOnlyCollection<int> RefusedHer,
    IReadOnlyList<LoggedRefusal> BarrierLog)
{
    public static readonly PartnerDirectory Empty = new([], [], []);
}
