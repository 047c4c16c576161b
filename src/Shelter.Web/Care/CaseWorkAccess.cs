using System.Security.Claims;
using Shelter.Core.Accounts;
using Shelter.Core.FollowUps;

namespace Shelter.Web.Care;

/// <summary>
/// Which kinds of follow-up each role may see: need-to-know applies to case work too.
/// Medication and documents are the case manager's; children's services the social worker's.
/// </summary>
public static class CaseWorkAccess
{
    public static IReadOnlyList<FollowUpKind> KindsFor(ClaimsPrincipal user)
    {
        var kinds = new HashSet<FollowUpKind>();
        if (user.IsInRole(Roles.CaseManager))
            kinds.UnionWith([FollowUpKind.StayReview, FollowUpKind.DocumentRecovery, FollowUpKind.MedicationContinuity,
                FollowUpKind.JobSearch, FollowUpKind.ChildService, FollowUpKind.WaitingListContact, FollowUpKind.Other]);
        if (user.IsInRole(Roles.SocialWorker))
            kinds.UnionWith([FollowUpKind.ChildService, FollowUpKind.JobSearch, FollowUpKind.Other]);
        if (user.IsInRole(Roles.Staff))
            kinds.UnionWith([FollowUpKind.StayReview, FollowUpKind.WaitingListContact, FollowUpKind.Other]);
        return kinds.ToList();
    }

    /// <summary>The roles whose members may be given a follow-up of this kind.</summary>
    public static IReadOnlyList<string> AssigneeRoles(FollowUpKind kind) => kind switch
    {
        FollowUpKind.ChildService => [Roles.SocialWorker, Roles.CaseManager],
        FollowUpKind.JobSearch => [Roles.CaseManager, Roles.SocialWorker],
        FollowUpKind.StayReview or FollowUpKind.Other => [Roles.CaseManager, Roles.Staff, Roles.SocialWorker],
        FollowUpKind.WaitingListContact => [Roles.Staff, Roles.CaseManager],
        _ => [Roles.CaseManager],
    };
}
