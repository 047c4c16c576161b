namespace Shelter.Core.Accounts;

/// <summary>The five kinds of people who sign in to Shelter.</summary>
public static class Roles
{
    public const string Staff = "Staff";
    public const string CaseManager = "CaseManager";
    public const string SocialWorker = "SocialWorker";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Staff, CaseManager, SocialWorker, Manager, Admin];

    public static string Describe(string role) => role switch
    {
        Staff => "Shelter staff",
        CaseManager => "Case manager",
        SocialWorker => "Social worker",
        Manager => "Manager",
        Admin => "Administrator",
        _ => role,
    };
}
