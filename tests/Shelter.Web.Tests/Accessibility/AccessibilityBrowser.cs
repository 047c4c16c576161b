using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shelter.Web.Tests.Infrastructure;
using Shelter.Web.Tests.Integrity;

namespace Shelter.Web.Tests.Accessibility;

/// <summary>What the accessibility tests share: signing in a browser as a role, at a size and in a language, and the pages each role
/// opens.</summary>
internal static class AccessibilityBrowser
{
    public const int PhoneWidth = 390;

    // The page is there once its HTML is (see BrowserTests): the load event can lag on a loaded machine.
    public static readonly PageGotoOptions Html = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    public static readonly string[] Roles = [DemoAccounts.Staff, DemoAccounts.CaseManager, DemoAccounts.SocialWorker,
        DemoAccounts.Manager, DemoAccounts.Admin];

    /// <summary>A phone's height at the phone's width, a desktop's otherwise.</summary>
    public static Task<IPage> SignedInPageAsync(BrowserFixture browser, string email, int width, string locale) =>
        browser.SignedInPageAsync(email, width, width == PhoneWidth ? 844 : 900, locale);

    /// <summary>
    /// Every GET page of the app (the page sweep's list, filled from the demo data) that answers this role
    /// with a page of its own (200, HTML); pages that answer 403 or 404 show the same two pages, checked once.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, List<string>>> PagesByRoleAsync(ShelterFactory app)
    {
        // Once per app: the tests of a class share its fixture, and its pages do not change between them.
        await Gate.WaitAsync();
        try
        {
            if (!Known.TryGetValue(app, out var pages)) Known.Add(app, pages = await FindPagesByRoleAsync(app));
            return pages;
        }
        finally { Gate.Release(); }
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ShelterFactory, IReadOnlyDictionary<string,
        List<string>>> Known = [];

    private static async Task<IReadOnlyDictionary<string, List<string>>> FindPagesByRoleAsync(ShelterFactory app)
    {
        var ids = await app.WithDbAsync(async db =>
        {
            var residentId = await db.JobSearches.Select(j => j.ResidentId)
                .FirstAsync(); // the demo's Oksana: stay, documents, OST, job search
            var stayId = await db.Stays.Where(s => s.ResidentId == residentId && s.EndedAt == null && s.ChildId == null)
                .Select(s => s.Id).FirstAsync();
            var bedId = await db.Beds.Where(b => b.Room.Kind != Shelter.Core.Sites.RoomKind.SafeRoom).OrderBy(b => b.Id)
                .Select(b => b.Id).FirstAsync();
            return new PageSweepTests.Extreme(
                residentId, stayId,
                await db.Children.Select(c => c.Id).FirstAsync(),
                await db.MedicationProgrammes.OrderBy(m => m.ResidentId == residentId ? 0 : 1).Select(m => m.Id).FirstAsync(),
                await db.FollowUps.OrderBy(f => f.ResidentId == residentId ? 0 : 1).Select(f => f.Id).FirstAsync(),
                await db.DocumentRecoveries.OrderBy(d => d.ResidentId == residentId ? 0 : 1).Select(d => d.Id).FirstAsync(),
                await db.Intakes.OrderBy(i => i.ResidentId == residentId ? 0 : 1).Select(i => i.Id).FirstAsync(),
                await db.DispensingSiteClosures.Select(c => c.Id).FirstAsync(),
                await db.Beds.Where(b => b.Id == bedId).Select(b => b.Room.SiteId).FirstAsync(), bedId,
                await db.Partners.Select(p => p.Id).FirstAsync());
        });
        var userId = await app.UserIdAsync(DemoAccounts.Staff);
        var urls = PageSweepTests.Urls(app, ids, userId).Distinct().ToList();

        var pages = new Dictionary<string, List<string>>();
        foreach (var role in Roles)
        {
            var client = await app.SignedInClientAsync(role);
            pages[role] = [];
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html"
                    && response.RequestMessage!.RequestUri!.PathAndQuery == url)
                    pages[role].Add(url);
            }
        }
        // The pages a refused or mistyped address shows.
        pages[DemoAccounts.Staff].AddRange(["/admin/users", "/residents/999999"]);
        return pages;
    }
}
