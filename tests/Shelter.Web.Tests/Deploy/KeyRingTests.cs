using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Deploy;

/// <summary>The key ring kept apart from the data and encrypted with a certificate that is in neither.</summary>
public class KeyRingTests
{
    private static string CopyFolder(string from)
    {
        var to = Path.Combine(Path.GetTempPath(), "shelter-tests", "copy-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return to;
    }

    /// <summary>A shelter with demo data (medication included), stopped, its data and key ring left on disk.</summary>
    private static async Task<(ShelterFactory App, string Medicine, string Ciphertext)> StoppedShelterAsync()
    {
        var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: true) { DeleteDataOnDispose = false };
        var (id, medicine) = await app.WithDbAsync(async db =>
            (await db.MedicationProgrammes.Where(m => m.Medicine != null).OrderBy(m => m.Id).Select(m => new { m.Id, m.Medicine })
                .FirstAsync()) is var m ? (m.Id, m.Medicine!) : default);
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataFolder, "shelter.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT Medicine FROM MedicationProgrammes WHERE Id = $id";
        command.Parameters.AddWithValue("$id", id);
        return (app, medicine, (string)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task KeyRing_a_copy_of_the_data_folder_and_key_ring_without_the_certificate_cannot_read_a_medication()
    {
        var (app, medicine, ciphertext) = await StoppedShelterAsync();
        var dataCopy = CopyFolder(app.DataFolder);
        var keysCopy = CopyFolder(app.KeysFolder);
        try
        {
            Assert.NotEqual(medicine, ciphertext);
            Assert.DoesNotContain(Directory.GetFiles(dataCopy, "*", SearchOption.AllDirectories),
                f => f.EndsWith(".xml", StringComparison.Ordinal));
            foreach (var key in Directory.GetFiles(keysCopy, "*.xml"))
            {
                var xml = await File.ReadAllTextAsync(key);
                Assert.Contains("encryptedSecret", xml);
                Assert.DoesNotContain("<value>", xml);
            }

            // The ten-line program of the issue: the key ring and the database, but not the certificate.
            var thief = DataProtectionProvider.Create(new DirectoryInfo(keysCopy), b => b.SetApplicationName("Shelter"))
                .CreateProtector("Shelter.Columns.v1");
            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => thief.Unprotect(ciphertext));

            // A data folder without its key ring reads nothing either: a new, empty key ring is made.
            var empty = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(dataCopy, "no-keys")),
                b => b.SetApplicationName("Shelter")).CreateProtector("Shelter.Columns.v1");
            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => empty.Unprotect(ciphertext));

            // With the certificate as well, the same copy opens in Shelter and the medication reads back.
            await using var restored = new ShelterFactory(dataCopy, demo: false,
                new Dictionary<string, string?> { ["SHELTER_KEYS"] = keysCopy });
            var read = await restored.WithDbAsync(db => db.MedicationProgrammes.Where(m => m.Medicine != null).OrderBy(m => m.Id)
                .Select(m => m.Medicine).FirstAsync());
            Assert.Equal(medicine, read);
        }
        finally
        {
            foreach (var folder in new[] { app.DataFolder, app.KeysFolder, dataCopy, keysCopy })
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task KeyRing_that_cannot_be_unprotected_stops_the_app_at_start_with_a_clear_message()
    {
        var (app, _, _) = await StoppedShelterAsync();
        var otherCertificate = Path.Combine(app.DataFolder + "-other", "other.pfx");
        Directory.CreateDirectory(Path.GetDirectoryName(otherCertificate)!);
        KeyRingCertificate.Write(otherCertificate, "other-password");
        var keysBefore = Directory.GetFiles(app.KeysFolder).Order().ToList();
        try
        {
            foreach (var certificate in new[] { otherCertificate, "" })
            {
                var (exitCode, output) = await ShelterProcess.RunAsync([], new()
                {
                    ["SHELTER_DATA"] = app.DataFolder,
                    ["SHELTER_KEYS"] = app.KeysFolder,
                    ["SHELTER_DEMO"] = "0",
                    ["Keys__Certificate"] = certificate,
                    ["Keys__CertificatePassword"] = "other-password",
                    ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                });
                Assert.Equal(1, exitCode);
                Assert.Contains("Shelter cannot start: the key ring in " + app.KeysFolder + " is there but cannot be unprotected", output);
                Assert.Contains("Keys__Certificate", output);
            }
            // It made no new key over the old ones.
            Assert.Equal(keysBefore, Directory.GetFiles(app.KeysFolder).Order().ToList());
        }
        finally
        {
            foreach (var folder in new[] { app.DataFolder, app.KeysFolder, Path.GetDirectoryName(otherCertificate)! })
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task KeyRing_left_inside_the_data_folder_by_an_older_version_is_moved_apart_and_still_reads()
    {
        var folder = ShelterFactory.NewDataFolder();
        string medicine;
        await using (var before = new ShelterFactory(folder, demo: true,
            new Dictionary<string, string?> { ["SHELTER_KEYS"] = Path.Combine(folder, "keys") })
        { DeleteDataOnDispose = false })
            medicine = await before.WithDbAsync(db => db.MedicationProgrammes.Where(m => m.Medicine != null).OrderBy(m => m.Id)
                .Select(m => m.Medicine!).FirstAsync());

        await using var after = new ShelterFactory(folder, demo: false);
        var read = await after.WithDbAsync(db => db.MedicationProgrammes.Where(m => m.Medicine != null).OrderBy(m => m.Id)
            .Select(m => m.Medicine).FirstAsync());

        Assert.Equal(medicine, read);
        Assert.False(Directory.Exists(Path.Combine(folder, "keys")));
        Assert.NotEmpty(Directory.GetFiles(after.KeysFolder, "*.xml"));
    }
}
