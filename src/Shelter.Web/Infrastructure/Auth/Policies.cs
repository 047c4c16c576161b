using Microsoft.AspNetCore.Authorization;
using Shelter.Core.Accounts;

namespace Shelter.Web.Infrastructure.Auth;

/// <summary>
/// Every action names one of these. The fallback policy denies anyone not signed in,
/// so an action that forgets its attribute is still closed.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in account: the dashboard, sign-out, her own password.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>People who work with residents in the house.</summary>
    public const string ResidentWork = nameof(ResidentWork);

    /// <summary>Accounts and roles; administrators see no resident data.</summary>
    public const string ManageUsers = nameof(ManageUsers);

    /// <summary>The Hangfire dashboard.</summary>
    public const string Jobs = nameof(Jobs);

    /// <summary>The bed board: who sleeps where tonight.</summary>
    public const string BedBoard = nameof(BedBoard);

    /// <summary>Check-in, moves, check-out, holds and stay terms.</summary>
    public const string Housing = nameof(Housing);

    /// <summary>Intake, the waiting list, consents and referrals.</summary>
    public const string Intake = nameof(Intake);

    /// <summary>The partner directory and the barrier log: read.</summary>
    public const string Partners = nameof(Partners);

    /// <summary>The partner directory: change.</summary>
    public const string ManagePartners = nameof(ManagePartners);

    /// <summary>Medication details and continuity: case managers only.</summary>
    public const string Medication = nameof(Medication);

    /// <summary>Follow-ups and the worklist.</summary>
    public const string CaseWork = nameof(CaseWork);

    /// <summary>Children's records and their sessions: read.</summary>
    public const string Children = nameof(Children);

    /// <summary>Booking children's counselling: social workers.</summary>
    public const string ScheduleCounselling = nameof(ScheduleCounselling);

    /// <summary>Job search with the resident.</summary>
    public const string Employment = nameof(Employment);

    /// <summary>Sites, rooms and beds.</summary>
    public const string Management = nameof(Management);

    /// <summary>Aggregate reports: managers only.</summary>
    public const string Reports = nameof(Reports);

    public static void Configure(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(ResidentWork, p => p.RequireRole(Roles.Staff, Roles.CaseManager, Roles.SocialWorker));
        options.AddPolicy(BedBoard, p => p.RequireRole(Roles.Staff, Roles.CaseManager, Roles.SocialWorker, Roles.Manager));
        options.AddPolicy(Housing, p => p.RequireRole(Roles.Staff, Roles.CaseManager));
        options.AddPolicy(Intake, p => p.RequireRole(Roles.Staff, Roles.CaseManager));
        options.AddPolicy(Partners, p => p.RequireRole(Roles.Staff, Roles.CaseManager, Roles.SocialWorker, Roles.Manager));
        options.AddPolicy(ManagePartners, p => p.RequireRole(Roles.CaseManager, Roles.Manager));
        options.AddPolicy(Medication, p => p.RequireRole(Roles.CaseManager));
        options.AddPolicy(CaseWork, p => p.RequireRole(Roles.Staff, Roles.CaseManager, Roles.SocialWorker));
        options.AddPolicy(Children, p => p.RequireRole(Roles.SocialWorker, Roles.CaseManager));
        options.AddPolicy(ScheduleCounselling, p => p.RequireRole(Roles.SocialWorker));
        options.AddPolicy(Employment, p => p.RequireRole(Roles.CaseManager, Roles.SocialWorker));
        options.AddPolicy(Reports, p => p.RequireRole(Roles.Manager));
        options.AddPolicy(ManageUsers, p => p.RequireRole(Roles.Admin));
        // The dashboard is not an MVC page, so TwoFactorRequiredFilter cannot guard it: the policy does.
        options.AddPolicy(Jobs, p => p.RequireRole(Roles.Manager, Roles.Admin).RequireClaim(ShelterClaimsFactory.TwoFactorOn));
        options.AddPolicy(Management, p => p.RequireRole(Roles.Manager));
    }
}
