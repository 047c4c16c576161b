using Microsoft.AspNetCore.Identity;

namespace Shelter.Core.Accounts;

/// <summary>A staff member's account. Holds no resident data.</summary>
public class ShelterUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set when an administrator issued a one-time password; cleared when she chooses her own.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Set from the app's TimeProvider by whoever opens the account.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The 30-second step of the last authenticator code accepted: a code is good once.</summary>
    public long? LastAuthenticatorStep { get; set; }

    /// <summary>The language she chose for Shelter (en, ru, uk); null: her browser's.</summary>
    public string? Language { get; set; }
}
