using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Accounts;
using Shelter.Core.FollowUps;
using Shelter.Core.Intake;
using Shelter.Core.Sites;
using Shelter.Web.Features.Intake;
using Shelter.Web.Housing;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Intake;

/// <summary>The waiting list stays true: a reason from a closed list, tries before "no contact", a follow-up before a place
/// lapses.</summary>
public class WaitingListRemovalTests : IDisposable
{
    private readonly ShelterFactory _app = new(ShelterFactory.NewDataFolder(), demo: false);

    public void Dispose() => _app.Dispose();

    private async Task<(HttpClient Staff, int EntryId)> WaitingWomanAsync(string alias = "Waiting Woman")
    {
        await _app.AddSiteAsync("Full", false, ("Single", RoomKind.Single, 0));
        await _app.CreateUserAsync("staff@test.shelter", Roles.Staff);
        var staff = await _app.SignedInClientAsync("staff@test.shelter");
        var response = await staff.PostFormAsync("/intake/new", "/intake/new",
            [new("Route", "Self"), new("Alias", alias), new("ConsentToKeepData", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await _app.WithDbAsync(db => db.WaitingList.Where(w => w.Resident.Alias == alias).Select(w => w.Id).SingleAsync());
        return (staff, entry);
    }

    [Fact]
    public async Task No_contact_is_refused_until_three_tries_are_recorded_then_she_leaves_the_list_with_that_reason()
    {
        var (staff, entry) = await WaitingWomanAsync();

        await staff.PostFormAsync("/intake/waiting", $"/intake/waiting/{entry}/remove", [new("Reason", "NoContact")]);
        Assert.Null(await _app.WithDbAsync(db => db.WaitingList.Where(w => w.Id == entry).Select(w => w.ClosedAt).SingleAsync()));
        Assert.Contains("Record 3 tries to reach her first", await staff.GetStringAsync("/intake/waiting"));

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Redirect,
                (await staff.PostFormAsync("/intake/waiting", $"/intake/waiting/{entry}/contact", [new("Reached", "false")])).StatusCode);
        await staff.PostFormAsync("/intake/waiting", $"/intake/waiting/{entry}/remove", [new("Reason", "NoContact")]);

        var closed = await _app.WithDbAsync(db => db.WaitingList.SingleAsync(w => w.Id == entry));
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal(WaitingClosed.NoContact, closed.Closed);
        Assert.DoesNotContain("Waiting Woman", await staff.GetStringAsync("/intake/waiting"));
        Assert.True(await _app.WithDbAsync(db =>
            db.AuditEvents.AnyAsync(e => e.EntityType == nameof(WaitingEntry) && e.EntityId == entry.ToString())));
    }

    [Fact]
    public async Task Her_choice_takes_her_off_at_once_and_a_reason_outside_the_closed_list_is_refused()
    {
        var (staff, entry) = await WaitingWomanAsync();

        await staff.PostFormAsync("/intake/waiting", $"/intake/waiting/{entry}/remove", [new("Reason", "Admitted")]);
        Assert.Null(await _app.WithDbAsync(db => db.WaitingList.Where(w => w.Id == entry).Select(w => w.ClosedAt).SingleAsync()));

        await staff.PostFormAsync("/intake/waiting", $"/intake/waiting/{entry}/remove", [new("Reason", "HerChoice")]);
        Assert.Equal(WaitingClosed.HerChoice,
            await _app.WithDbAsync(db => db.WaitingList.Where(w => w.Id == entry).Select(w => w.Closed).SingleAsync()));
    }

    [Fact]
    public async Task A_place_without_contact_raises_one_follow_up_before_it_lapses_and_reaching_her_closes_it()
    {
        var (staff, entry) = await WaitingWomanAsync();
        async Task SweepAsync() =>
            await _app.WithServicesAsync(async sp => { await sp.GetRequiredService<WaitingListWork>().SweepAsync(); return 0; });
        Task<List<FollowUp>> FollowUpsAsync() =>
            _app.WithDbAsync(db => db.FollowUps.Where(f => f.Kind == FollowUpKind.WaitingListContact).ToListAsync());

        await SweepAsync();
        Assert.Empty(await FollowUpsAsync());

        _app.Clock.Advance(TimeSpan.FromDays(8));
        await SweepAsync();
        await SweepAsync(); // the sweep runs daily and may run twice: still one
        var opened = Assert.Single(await FollowUpsAsync());
        Assert.Equal(FollowUpStatus.Open, opened.Status);

        var fresh = await _app.SignedInClientAsync("staff@test.shelter");
        Assert.Contains("reach her before", await fresh.GetStringAsync("/intake/waiting"));
        await fresh.PostFormAsync("/intake/waiting", $"/intake/waiting/{entry}/contact", [new("Reached", "true")]);
        Assert.Equal(FollowUpStatus.Done, Assert.Single(await FollowUpsAsync()).Status);
    }

    [Fact]
    public async Task A_bed_fits_notice_counts_beds_and_women_and_leaves_out_a_lapsed_place()
    {
        var (staff, _) = await WaitingWomanAsync("First");
        await staff.PostFormAsync("/intake/new", "/intake/new",
            [new("Route", "Self"), new("Alias", "Second"), new("ConsentToKeepData", "true")]);
        _app.Clock.Advance(TimeSpan.FromDays(15)); // both places lapse without contact
        var fresh = await _app.SignedInClientAsync("staff@test.shelter");
        var second = await _app.WithDbAsync(db => db.WaitingList.Where(w => w.Resident.Alias == "Second").Select(w => w.Id).SingleAsync());
        await fresh.PostFormAsync("/intake/waiting", $"/intake/waiting/{second}/contact", [new("Reached", "true")]);
        await _app.AddSiteAsync("New site", false, ("Shared", RoomKind.Shared, 2));

        var dashboard = await fresh.GetStringAsync("/");
        Assert.Contains("2 free beds fit a woman on the waiting list.", dashboard);
        Assert.Contains("2 free beds fit 1 of the women waiting.", await fresh.GetStringAsync("/intake/waiting"));
        await _app.WithServicesAsync(async sp => { await sp.GetRequiredService<WaitingListNotifier>().NotifyIfBedsFitAsync(); return 0; });
        var mail = Assert.Single(await _app.PickedUpMailsAsync(atLeast: 1));
        Assert.Contains("2 free beds fit a woman on the waiting list", mail);
        Assert.DoesNotContain("Second", mail);
    }
}
