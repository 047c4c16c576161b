namespace Shelter.Web.Infrastructure;

/// <summary>
/// Where Shelter keeps its files: the data folder (the SQLite database, the email pickup folder)
/// and, apart from it, the data-protection key ring (<c>SHELTER_KEYS</c>; by default a folder
/// beside the data folder named after it, <c>data-keys</c> for <c>data</c>).
/// </summary>
public sealed class ShelterPaths
{
    public ShelterPaths(IConfiguration config)
    {
        var configured = config["SHELTER_DATA"] ?? config["Shelter:DataFolder"];
        DataFolder = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
        Directory.CreateDirectory(DataFolder);
        var keys = config["SHELTER_KEYS"] ?? config["Shelter:KeysFolder"];
        KeysFolder = Path.GetFullPath(string.IsNullOrWhiteSpace(keys) ? DefaultKeysFolder(DataFolder) : keys);
    }

    public static string DefaultKeysFolder(string dataFolder) =>
        Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(dataFolder)) ?? ".",
            Path.GetFileName(Path.TrimEndingDirectorySeparator(dataFolder)) + "-keys");

    public string DataFolder { get; }
    public string DatabaseFile => Path.Combine(DataFolder, "shelter.db");
    public string KeysFolder { get; }
    /// <summary>Where versions before SHELTER_KEYS kept the key ring; moved out at start.</summary>
    public string LegacyKeysFolder => Path.Combine(DataFolder, "keys");
    public string MailPickupFolder => Path.Combine(DataFolder, "mail-pickup");
    public string ConnectionString => $"Data Source={DatabaseFile};Foreign Keys=True;Default Timeout=30";

    /// <summary>
    /// The repository's top-level wwwroot while developing, or the one publish copies beside the app.
    /// </summary>
    public static string FindWebRoot()
    {
        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(published)) return published;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Shelter.sln")))
                    return Path.Combine(dir.FullName, "wwwroot");
            }
        }
        return Path.Combine(Directory.GetCurrentDirectory(), "wwwroot");
    }
}
