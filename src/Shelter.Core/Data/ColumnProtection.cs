using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Shelter.Core.Data;

/// <summary>
/// Encrypts single columns (medication, diagnoses) so a copied database file does not reveal
/// them. The web app keys it through ASP.NET Core Data Protection.
/// </summary>
public interface IColumnProtector
{
    string Protect(string plaintext);
    string Unprotect(string ciphertext);
}

/// <summary>For `dotnet ef` at design time only: migrations need the column types, not the keys.</summary>
public sealed class DesignTimeColumnProtector : IColumnProtector
{
    public string Protect(string plaintext) => throw new InvalidOperationException("No column keys at design time.");
    public string Unprotect(string ciphertext) => throw new InvalidOperationException("No column keys at design time.");
}

public static class ColumnProtection
{
    /// <summary>EF never passes null to a converter; the nullable types only match the optional columns.</summary>
    public static ValueConverter<string?, string?> Text(IColumnProtector protector) =>
        new(v => protector.Protect(v!), v => protector.Unprotect(v!));

    public static ValueConverter<TEnum, string> Enum<TEnum>(IColumnProtector protector) where TEnum : struct, System.Enum =>
        new(v => protector.Protect(v.ToString()), v => System.Enum.Parse<TEnum>(protector.Unprotect(v)));
}

/// <summary>
/// EF caches one model per context type; the converters capture a protector, so each protector
/// (each host, each key ring) gets its own model. Without this, a second test host in the
/// process would encrypt with the first host's keys.
/// </summary>
public sealed class ProtectorModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as ShelterDbContext)?.Protector, designTime);
}
