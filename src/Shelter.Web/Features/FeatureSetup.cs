using Shelter.Web.Features.Account;
using Shelter.Web.Features.Admin;
using Shelter.Web.Features.Beds;
using Shelter.Web.Features.Home;
using Shelter.Web.Features.Reports;
using Shelter.Web.Features.Sites;
using Shelter.Web.Features.Stays;
using Shelter.Web.Housing;
using Shelter.Web.Infrastructure.Integrity;
using Shelter.Web.Infrastructure.Jobs;

namespace Shelter.Web.Features;

public static class FeatureSetup
{
    /// <summary>
    /// Registers each use case's handler; controllers take them by injection. The groups keep the
    /// order they always had: the scheduled jobs (IScheduleSource) are listed in it.
    /// </summary>
    public static IServiceCollection AddShelterFeatures(this IServiceCollection services) =>
        services.AddAccountsAndDashboard().AddBedsStaysAndSites().AddIntakeAndWaitingList().AddCaseWork().AddReportsPrivacyAndDemo();

    /// <summary>Signing in, her own account, the dashboard and the administrators' user pages.</summary>
    private static IServiceCollection AddAccountsAndDashboard(this IServiceCollection services)
    {
        services.AddScoped<Login>();
        services.AddScoped<Language.ChooseLanguage>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<TwoFactorSignIn>();
        services.AddScoped<TwoFactorSetup>();
        services.AddScoped<Shared.SiteClock>();
        services.AddScoped<Dashboard>();
        services.AddScoped<ListUsers>();
        services.AddScoped<CreateUser>();
        services.AddScoped<EditUser>();
        return services;
    }

    /// <summary>The bed board, holds, check-in, moves and check-out, and the sites' rooms and beds.</summary>
    private static IServiceCollection AddBedsStaysAndSites(this IServiceCollection services)
    {
        services.AddScoped<BedStates>();
        services.AddScoped<Board>();
        services.AddScoped<Hold>();
        services.AddScoped<BedHoldReleaser>();
        services.AddScoped<IScheduleSource>(sp => sp.GetRequiredService<BedHoldReleaser>());
        services.AddScoped<Placement>();
        services.AddScoped<CheckIn>();
        services.AddScoped<Move>();
        services.AddScoped<CheckOut>();
        services.AddScoped<Terms>();
        services.AddScoped<SiteDetails>();
        services.AddScoped<SaveSite>();
        services.AddScoped<AddRoom>();
        services.AddScoped<PutOutOfService>();
        return services;
    }

    /// <summary>Intake and the waiting list.</summary>
    private static IServiceCollection AddIntakeAndWaitingList(this IServiceCollection services)
    {
        services.AddScoped<Intake.NewIntake>();
        services.AddScoped<Housing.WaitingList>();
        services.AddScoped<Housing.WaitingListNotifier>();
        services.AddScoped<Intake.WaitingListWork>();
        services.AddScoped<IScheduleSource>(sp => sp.GetRequiredService<Intake.WaitingListWork>());
        services.AddScoped<Intake.IntakeDetails>();
        return services;
    }

    /// <summary>Residents, partners, medication continuity, follow-ups, children, documents and job search.</summary>
    private static IServiceCollection AddCaseWork(this IServiceCollection services)
    {
        services.AddScoped<Residents.ResidentList>();
        services.AddScoped<Residents.ResidentRecord>();
        services.AddScoped<Residents.Refer>();
        services.AddScoped<Partners.SavePartner>();
        services.AddScoped<Partners.RecordBarrier>();
        services.AddScoped<Care.PartnerDirectoryReader>();
        services.AddScoped<Care.Continuity>();
        services.AddScoped<Medication.ContinuitySweep>();
        services.AddScoped<IScheduleSource>(sp => sp.GetRequiredService<Medication.ContinuitySweep>());
        services.AddScoped<IResidentContinuityCheck>(sp => sp.GetRequiredService<Medication.ContinuitySweep>());
        services.AddScoped<Medication.SaveProgramme>();
        services.AddScoped<Medication.RecordClosure>();
        services.AddScoped<Tasks.Worklist>();
        services.AddScoped<Tasks.FollowUpWork>();
        services.AddScoped<Tasks.ReminderDispatcher>();
        services.AddScoped<IScheduleSource>(sp => sp.GetRequiredService<Tasks.ReminderDispatcher>());
        services.AddScoped<Children.ChildServices>();
        services.AddScoped<Documents.DocumentWork>();
        services.AddScoped<Employment.JobSearchWork>();
        return services;
    }

    /// <summary>Reports, the privacy purge and the demo data.</summary>
    private static IServiceCollection AddReportsPrivacyAndDemo(this IServiceCollection services)
    {
        services.AddScoped<Reports.Occupancy>();
        services.AddScoped<Reports.Outcomes>();
        services.AddReportCache();
        services.AddScoped<Privacy.PurgeJob>();
        services.AddScoped<IScheduleSource>(sp => sp.GetRequiredService<Privacy.PurgeJob>());
        services.AddScoped<Shelter.Web.Infrastructure.Demo.DemoSeeder>();
        services.AddSingleton<Shelter.Web.Infrastructure.Demo.LargeSeeder>();
        return services;
    }
}
