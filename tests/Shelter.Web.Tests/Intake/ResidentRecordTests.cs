using System.Net;
using Microsoft.EntityFrameworkCore;
using Shelter.Core.Consents;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Intake;

/// <summary>The resident page over the demo house: need-to-know, audit, consent before any referral.</summary>
public class ResidentRecordTests(ShelterFactory app) : IClassFixture<ShelterFactory>
{
    /// <summary>The demo's Oksana: on OST, her passport being recovered, consent to the employment service.</summary>
    private Task<(int ResidentId, int EmploymentId, int PoliceId)> OksanaAsync() => app.WithDbAsync(async db =>
    {
        // Kind is encrypted: it is compared in memory, never in a query.
        var resident = (await db.MedicationProgrammes.OrderBy(m => m.Id).ToListAsync())
            .First(m => m.Kind == Core.Medication.MedicationKind.Ost).ResidentId;
        var employment = await db.Partners.Where(p => p.Kind == Core.Partners.PartnerKind.EmploymentService).Select(p => p.Id).FirstAsync();
        var police = await db.Partners.Where(p => p.Kind == Core.Partners.PartnerKind.Police).Select(p => p.Id).FirstAsync();
        return (resident, employment, police);
    });

    [Fact]
    public async Task Staff_see_that_medication_needs_attention_but_not_which_medication()
    {
        // In the demo house a woman on ART arrived without enough of it.
        var id = await app.WithDbAsync(async db => (await db.MedicationProgrammes.OrderBy(m => m.Id).ToListAsync())
            .First(m => m.Kind == Core.Medication.MedicationKind.Art).ResidentId);
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);

        var html = await staff.GetStringAsync($"/residents/{id}");

        Assert.Contains("Medication: needs attention", html);
        Assert.DoesNotContain("ART", html);
        Assert.DoesNotContain("Antiretroviral", html);
        Assert.DoesNotContain("supply", html);
        Assert.DoesNotContain("Dolutegravir", html);
        Assert.DoesNotContain("1 tablet", html);
    }

    [Fact]
    public async Task A_case_manager_sees_her_medication_and_a_social_worker_sees_none_of_it()
    {
        var (id, _, _) = await OksanaAsync();
        var caseManager = await app.SignedInClientAsync(DemoAccounts.CaseManager);
        var socialWorker = await app.SignedInClientAsync(DemoAccounts.SocialWorker);

        var forCaseManager = await caseManager.GetStringAsync($"/residents/{id}");
        var forSocialWorker = await socialWorker.GetStringAsync($"/residents/{id}");

        Assert.Contains("Opioid substitution therapy (OST)", forCaseManager);
        Assert.DoesNotContain("Opioid", forSocialWorker);
        Assert.DoesNotContain("needs attention", forSocialWorker);
        Assert.DoesNotContain("Passport", forSocialWorker);
    }

    [Fact]
    public async Task Every_view_of_a_resident_is_audit_logged_with_who_and_which_record()
    {
        var (id, _, _) = await OksanaAsync();
        var before = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == "Resident" && e.EntityId == id.ToString()));
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);

        await staff.GetStringAsync($"/residents/{id}");
        await staff.GetStringAsync($"/residents/{id}");

        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == "Resident" && e.EntityId == id.ToString())
            .OrderBy(e => e.Id).ToListAsync());
        Assert.True(before + 2 == events.Count, string.Join("\n", events.Select(e => $"{e.Id} {e.At:O} {e.Action} {e.Role} {e.Details}")));
        Assert.Equal("Viewed", events[^1].Action);
        Assert.Equal("Staff", events[^1].Role);
        Assert.NotNull(events[^1].UserId);
    }

    [Fact]
    public async Task A_referral_to_a_partner_without_her_consent_for_that_partner_is_refused_and_nothing_is_recorded()
    {
        var (id, _, police) = await OksanaAsync();
        var caseManager = await app.SignedInClientAsync(DemoAccounts.CaseManager);
        var before = await app.WithDbAsync(db => db.Referrals.CountAsync());

        var refused = await caseManager.PostFormAsync($"/residents/{id}", $"/residents/{id}/referrals",
            [new("PartnerId", police.ToString()), new("Purpose", "Police")]);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("She has not consented to sharing with District Police", await caseManager.GetStringAsync($"/residents/{id}"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Referrals.CountAsync()));
    }

    [Fact]
    public async Task With_her_consent_the_referral_goes_ahead_and_after_she_withdraws_it_it_is_refused_again()
    {
        var (id, employment, _) = await OksanaAsync();
        var caseManager = await app.SignedInClientAsync(DemoAccounts.CaseManager);

        var made = await caseManager.PostFormAsync($"/residents/{id}", $"/residents/{id}/referrals",
            [new("PartnerId", employment.ToString()), new("Purpose", "Referral")]);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Contains("The referral is recorded.", await caseManager.GetStringAsync($"/residents/{id}"));
        var consentId = await app.WithDbAsync(db => db.Consents.Where(c => c.ResidentId == id && c.PartnerId == employment)
            .Select(c => c.Id).SingleAsync());
        var referrals = await app.WithDbAsync(db => db.Referrals.CountAsync(r => r.ResidentId == id && r.ConsentId == consentId));
        Assert.Equal(1, referrals);

        await caseManager.PostFormAsync($"/residents/{id}", $"/residents/{id}/consents/{consentId}/revoke", [new("confirmed", "true")]);
        await caseManager.PostFormAsync($"/residents/{id}", $"/residents/{id}/referrals",
            [new("PartnerId", employment.ToString()), new("Purpose", "Referral")]);

        Assert.Equal(1, await app.WithDbAsync(db => db.Referrals.CountAsync(r => r.ResidentId == id && r.PartnerId == employment)));
        Assert.Contains("withdrawn", await caseManager.GetStringAsync($"/residents/{id}"));
    }

    [Fact]
    public async Task An_expired_consent_blocks_sharing()
    {
        var (id, _, police) = await OksanaAsync();
        await app.WithDbAsync(async db =>
        {
            db.Consents.Add(new Consent
            {
                ResidentId = id, PartnerId = police, Purpose = ConsentPurpose.Police,
                GivenAt = DateTime.UtcNow.AddDays(-40), ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)
            });
            return await db.SaveChangesAsync();
        });
        var caseManager = await app.SignedInClientAsync(DemoAccounts.CaseManager);

        await caseManager.PostFormAsync($"/residents/{id}", $"/residents/{id}/referrals",
            [new("PartnerId", police.ToString()), new("Purpose", "Police")]);

        Assert.Equal(0, await app.WithDbAsync(db => db.Referrals.CountAsync(r => r.PartnerId == police)));
    }
}
