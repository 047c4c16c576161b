using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Accounts;
using Shelter.Core.Data;
using Shelter.Core.Residents;

namespace Shelter.Web.Infrastructure.Auth;

/// <summary>
/// The sites the signed-in person works at, and so the residents she may reach. Case managers
/// and social workers reach only the women whose latest stay is at one of their sites, plus
/// women not yet housed anywhere (intake and the waiting list are the whole organisation's);
/// her current site is a column of hers, so the filter is one indexed comparison.
/// Staff place women at any site and are not limited; neither are background jobs.
/// </summary>
public sealed class SiteScope(ShelterDbContext db, IHttpContextAccessor http)
{
    private IReadOnlyList<int>? _sites;
    private bool _loaded;

    /// <summary>Whether this person's reach is limited to her sites.</summary>
    public static bool IsLimited(ClaimsPrincipal user) =>
        (user.IsInRole(Roles.CaseManager) || user.IsInRole(Roles.SocialWorker))
        && !user.IsInRole(Roles.Staff) && !user.IsInRole(Roles.Manager);

    /// <summary>The ids of her sites, or null when she is not limited to any.</summary>
    public async Task<IReadOnlyList<int>?> SitesAsync(CancellationToken ct = default)
    {
        if (_loaded) return _sites;
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated == true && IsLimited(user))
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
            _sites = await db.StaffSites.Where(s => s.UserId == id).Select(s => s.SiteId).ToListAsync(ct);
        }
        _loaded = true;
        return _sites;
    }

    /// <summary>
    /// Keeps the rows whose resident she reaches; all of them when she is not limited. Each row looks up
    /// its own resident by key (a correlated EXISTS): an uncorrelated <c>IN (SELECT …)</c> made the
    /// database list every woman she reaches — tens of thousands on a national network — on every page.
    /// </summary>
    public async Task<IQueryable<T>> OnlyReachableAsync<T>(IQueryable<T> rows, Expression<Func<T, int>> residentOf,
        CancellationToken ct = default)
    {
        if (await SitesAsync(ct) is not { } sites) return rows;
        var reachable = db.Residents.Where(Reachable(sites));
        Expression<Func<int, bool>> reaches = id => reachable.Any(r => r.Id == id);
        var body = new Substitute(reaches.Parameters[0], residentOf.Body).Visit(reaches.Body);
        return rows.Where(Expression.Lambda<Func<T, bool>>(body, residentOf.Parameters[0]));
    }

    /// <summary>Keeps the women she reaches, compared on each woman's own row.</summary>
    public async Task<IQueryable<Resident>> OnlyReachableAsync(IQueryable<Resident> residents, CancellationToken ct = default) =>
        await SitesAsync(ct) is { } sites ? residents.Where(Reachable(sites)) : residents;

    public async Task<bool> ReachesResidentAsync(int residentId, CancellationToken ct = default)
    {
        var sites = await SitesAsync(ct);
        return sites is null || await db.Residents.Where(r => r.Id == residentId).AnyAsync(Reachable(sites), ct);
    }

    public async Task<bool> ReachesSiteAsync(int siteId, CancellationToken ct = default) =>
        await SitesAsync(ct) is not { } sites || sites.Contains(siteId);

    /// <summary>
    /// She was never housed, or her latest own stay (not a child's) is at one of the sites: her
    /// <see cref="Resident.CurrentSiteId"/>, kept with her stays by <c>ResidentSiteTracker</c> and indexed.
    /// </summary>
    private static Expression<Func<Resident, bool>> Reachable(IReadOnlyList<int> sites) => r =>
        r.CurrentSiteId == null || sites.Contains(r.CurrentSiteId.Value);

    /// <summary>Puts one expression where a parameter stood: the row's resident id into "her resident reaches".</summary>
    private sealed class Substitute(ParameterExpression parameter, Expression by) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? by : base.VisitParameter(node);
    }
}
