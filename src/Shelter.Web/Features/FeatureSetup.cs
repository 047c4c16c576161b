using Shelter.Web.Features.Account;
using Shelter.Web.Features.Admin;
using Shelter.Web.Features.Beds;
using Shelter.Web.Features.Home;
using Shelter.Web.Features.Reports;
using Shelter.Web.Features.Sites;
using Shelter.Web.Features.Stays;
using Shelter.Web.Housing;
using Shelter.Web.Infrastructure.Jobs;

namespace Shelter.Web.Features;

public static class FeatureSetup
{
    /// <summary>Registers each use case's handler; controllers take them by injection.</summary>
    public static IServiceCollection AddShelterFeatures(this IServiceCollection services)
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
        services.AddScoped<Intake.NewIntake>();
        services.AddScoped<Housing.WaitingList>();
        services.AddScoped<Housing.WaitingListNotifier>();
        services.AddScoped<Intake.WaitingListWork>();
        services.AddScoped<IScheduleSource>(sp => sp.GetRequiredService<Intake.WaitingListWork>());
        services.AddScoped<Intake.IntakeDetails>();
        services.AddScoped<Residents.ResidentList>();
        services.AddScoped<Residents.ResidentRecord>();
        services.AddScoped<Residents.Refer>();
        services.AddScoped<Partners.SavePartner>();
        services.AddScoped<Partners.RecordBarrier>();
        services.AddScoped<Care.PartnerDirectoryReader>();
        services.AddScoped<Care.Continuity>();
        services.AddScoped<Medication.ContinuitySweep>();
        services.AddScoped<IScheduleSource>(sp => sp.GetRequiredService<Medication.ContinuitySweep>());
        services.AddScoped<Medication.SaveProgramme>();
        services.AddScoped<Medication.RecordClosure>();
        services.AddScoped<Tasks.Worklist>();
        services.AddScoped<Tasks.FollowUpWork>();
        services.AddScoped<Tasks.ReminderDispatcher>();
        services.AddScoped<IScheduleSource>(sp => sp.GetRequiredService<Tasks.ReminderDispatcher>());
        services.AddScoped<Children.ChildServices>();
        services.AddScoped<Documents.DocumentWork>();
        services.AddScoped<Employment.JobSearchWork>();
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
