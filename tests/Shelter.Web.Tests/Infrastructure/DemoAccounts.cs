namespace Shelter.Web.Tests.Infrastructure;

public static class DemoAccounts
{
    public const string Staff = "staff@demo.shelter";
    public const string CaseManager = "casemanager@demo.shelter";
    public const string SocialWorker = "socialworker@demo.shelter";
    public const string Manager = "manager@demo.shelter";
    public const string Admin = "admin@demo.shelter";

    public static TheoryData<string, string> EmailsWithRoleNames => new()
    {
        { Staff, "Shelter staff" },
        { CaseManager, "Case manager" },
        { SocialWorker, "Social worker" },
        { Manager, "Manager" },
        { Admin, "Administrator" },
    };
}
