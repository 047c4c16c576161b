using System.Diagnostics;

namespace Shelter.Web.Tests.Infrastructure;

/// <summary>Shelter as its own process (as systemd or ./run.sh starts it): its exit code and what it printed.</summary>
public static class ShelterProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Shelter.Web.dll"), .. args])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["SHELTER_DEMO"] = "0";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try { await process.WaitForExitAsync(deadline.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Shelter {string.Join(' ', args)} did not finish in two minutes: {await stdout}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The environment that points a process at a test app's folders and key-ring certificate.</summary>
    public static Dictionary<string, string> For(string dataFolder) => new()
    {
        ["SHELTER_DATA"] = dataFolder,
        ["SHELTER_KEYS"] = dataFolder.TrimEnd('/') + "-keys",
        ["Keys__Certificate"] = ShelterFactory.TestCertificate.Value.Path,
        ["Keys__CertificatePassword"] = ShelterFactory.TestCertificate.Value.Password,
    };
}
