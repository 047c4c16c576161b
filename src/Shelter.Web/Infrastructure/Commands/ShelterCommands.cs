using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Shelter.Core.Accounts;

namespace Shelter.Web.Infrastructure.Commands;

/// <summary>Command-line tasks run by ./run.sh instead of starting the web server.</summary>
public static class ShelterCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "create-admin" or "seed";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        return args[0] switch
        {
            "create-admin" => await CreateAdminAsync(scope.ServiceProvider, args),
            "seed" when args.Skip(1).SequenceEqual(["--size", "large"]) => await SeedLargeAsync(scope.ServiceProvider),
            "seed" => Usage("usage: ./run.sh seed --size large"),
            _ => 2,
        };
    }

    private static int Usage(string text)
    {
        Console.Error.WriteLine(text);
        return 2;
    }

    private static async Task<int> SeedLargeAsync(IServiceProvider sp)
    {
        Console.WriteLine("Seeding a large network (10 sites, 300 beds, 5 years of stays)…");
        return await sp.GetRequiredService<Demo.LargeSeeder>().SeedAsync(Console.Out);
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider sp, string[] args)
    {
        if (args.Length < 2 || !args[1].Contains('@'))
        {
            Console.Error.WriteLine("usage: ./run.sh create-admin EMAIL");
            return 2;
        }
        var users = sp.GetRequiredService<UserManager<ShelterUser>>();
        var email = args[1].Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            Console.Error.WriteLine("An account with that email already exists.");
            return 1;
        }
        var password = OneTimePassword.Create();
        var user = new ShelterUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", MustChangePassword = true };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(string.Join("; ", result.Errors.Select(e => e.Description)));
            return 1;
        }
        await users.AddToRoleAsync(user, Roles.Admin);
        Console.WriteLine($"Administrator {email} created.");
        Console.WriteLine($"One-time password: {password}");
        Console.WriteLine("Sign in with it; you will be asked to choose your own password.");
        return 0;
    }
}

public static class OneTimePassword
{
    // No look-alike characters (0/O, 1/l/I): it is read off a screen and typed in.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Create()
    {
        var groups = Enumerable.Range(0, 4)
            .Select(_ => new string(Enumerable.Range(0, 4).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray()));
        return string.Join("-", groups);
    }
}
