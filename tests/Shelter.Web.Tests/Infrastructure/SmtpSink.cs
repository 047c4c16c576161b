using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Shelter.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd writing every message it receives
/// into a maildir. ./run.sh test installs python3-aiosmtpd when it is missing.
/// </summary>
public sealed class SmtpSink : IAsyncLifetime
{
    private Process? _process;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shelter-smtp", Guid.NewGuid().ToString("N"));

    public int Port { get; private set; }
    private string Maildir => Path.Combine(_root, "mail");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root); // the maildir itself must not exist yet
        Port = FreePort();
        _process = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("aiosmtpd did not start");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        throw new InvalidOperationException("aiosmtpd did not listen: " + await _process.StandardError.ReadToEndAsync());
    }

    /// <summary>Every message received so far, as raw text.</summary>
    public IReadOnlyList<string> Messages()
    {
        var dir = Path.Combine(Maildir, "new");
        return Directory.Exists(dir) ? Directory.GetFiles(dir).OrderBy(File.GetCreationTimeUtc).Select(File.ReadAllText).ToList() : [];
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            var messages = Messages();
            if (messages.Count >= count) return messages;
            await Task.Delay(100);
        }
        return Messages();
    }

    /// <summary>Waits, up to a deadline, until the messages received so far satisfy <paramref name="condition"/>.</summary>
    public async Task<IReadOnlyList<string>> WaitUntilAsync(Func<IReadOnlyList<string>, bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var messages = Messages();
        while (!condition(messages) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            messages = Messages();
        }
        return messages;
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
