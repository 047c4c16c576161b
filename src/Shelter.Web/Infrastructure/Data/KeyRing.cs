using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Shelter.Web.Infrastructure.Data;

/// <summary>
/// The data-protection key ring (it keys the encrypted columns, authenticator keys and cookies):
/// kept in its own folder apart from the database, and encrypted at rest with a certificate whose
/// file and password come from configuration (<c>Keys:Certificate</c>, <c>Keys:CertificatePassword</c>
/// or <c>Keys:CertificatePasswordFile</c>). A copy of the data folder and the key ring without the
/// certificate decrypts nothing.
/// </summary>
public static class KeyRing
{
    public static IServiceCollection AddShelterKeyRing(this IServiceCollection services, IConfiguration config)
    {
        var dp = services.AddDataProtection().SetApplicationName("Shelter");
        if (Certificate(config) is { } certificate)
            dp.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        if (DatabaseProvider.From(config).IsPostgres)
        {
            // Several nodes share one key ring: it lives in the database, still protected with the certificate.
            services.AddDbContext<KeyRingDbContext>(o => o.UseNpgsql(DatabaseProvider.PostgresConnectionString(config)));
            dp.PersistKeysToDbContext<KeyRingDbContext>();
            return services;
        }
        services.AddOptions<KeyManagementOptions>().Configure<ShelterPaths>((o, paths) =>
        {
            Directory.CreateDirectory(paths.KeysFolder);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(paths.KeysFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(paths.KeysFolder),
                Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        });
        return services;
    }

    public static bool IsCertificateConfigured(IConfiguration config) => !string.IsNullOrWhiteSpace(config["Keys:Certificate"]);

    private static X509Certificate2? Certificate(IConfiguration config)
    {
        var path = config["Keys:Certificate"];
        if (string.IsNullOrWhiteSpace(path)) return null;
        var password = config["Keys:CertificatePassword"];
        if (string.IsNullOrEmpty(password) && config["Keys:CertificatePasswordFile"] is { Length: > 0 } passwordFile)
            password = File.ReadAllText(passwordFile).Trim();
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            if (!certificate.HasPrivateKey) throw new InvalidOperationException($"The key-ring certificate {path} has no private key.");
            return certificate;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The key-ring certificate {path} cannot be opened (wrong password or not a PKCS#12 file): {e.Message}", e);
        }
    }

    /// <summary>
    /// Why the existing key ring cannot be used, or null when it can. Data Protection would otherwise
    /// make a new key and carry on, and every encrypted column written before would be lost for good.
    /// Also moves a key ring left inside the data folder by an older version to its own folder.
    /// </summary>
    public static string? Unreadable(IServiceProvider services)
    {
        var paths = services.GetRequiredService<ShelterPaths>();
        var config = services.GetRequiredService<IConfiguration>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeyRing));
        var inDatabase = DatabaseProvider.From(config).IsPostgres;
        if (!inDatabase) MoveLegacyKeys(paths, log);
        var where = inDatabase ? "the database's DataProtectionKeys table" : paths.KeysFolder;
        if (!IsCertificateConfigured(config))
            log.LogWarning("Keys__Certificate is not set: the key ring in {Folder} is not encrypted at rest. "
                + "Anyone with a copy of it and the database can read the encrypted columns. See docs/deploy.md.", where);
        try
        {
            foreach (var key in services.GetRequiredService<IKeyManager>().GetAllKeys())
                _ = key.Descriptor; // decrypts the key; throws if it cannot
            return null;
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException or System.Xml.XmlException)
        {
            return $"""
                Shelter cannot start: the key ring in {where} is there but cannot be unprotected ({e.GetBaseException().Message}).
                Without it the encrypted columns (medication, diagnoses, authenticator keys) cannot be read,
                so Shelter stops rather than make new keys.
                Set Keys__Certificate (and Keys__CertificatePassword or Keys__CertificatePasswordFile)
                to the certificate the key ring was protected with,
                or point SHELTER_KEYS at the key ring that belongs to this data folder ({paths.DataFolder}).
                """;
        }
    }

    private static void MoveLegacyKeys(ShelterPaths paths, ILogger log)
    {
        if (!Directory.Exists(paths.LegacyKeysFolder) || Directory.Exists(paths.KeysFolder)
            && Directory.EnumerateFileSystemEntries(paths.KeysFolder).Any()) return;
        if (Directory.Exists(paths.KeysFolder)) Directory.Delete(paths.KeysFolder);
        try { Directory.Move(paths.LegacyKeysFolder, paths.KeysFolder); }
        catch (IOException) // another file system: copy, then remove the old copy
        {
            Directory.CreateDirectory(paths.KeysFolder);
            foreach (var key in Directory.GetFiles(paths.LegacyKeysFolder))
                File.Copy(key, Path.Combine(paths.KeysFolder, Path.GetFileName(key)));
            Directory.Delete(paths.LegacyKeysFolder, recursive: true);
        }
        log.LogWarning("Moved the key ring out of the data folder to {Folder}: keep it and the database apart.", paths.KeysFolder);
    }
}

/// <summary>The shared key ring on PostgreSQL: one table, created by the PostgreSQL migrations.</summary>
public sealed class KeyRingDbContext(DbContextOptions<KeyRingDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
