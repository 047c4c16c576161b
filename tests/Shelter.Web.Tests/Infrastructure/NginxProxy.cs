using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Shelter.Web.Tests.Infrastructure;

/// <summary>
/// Debian's nginx terminating TLS (a self-signed certificate made with openssl now) on a free port
/// and passing plain HTTP to the app, as docs/deploy.md sets it up. Everything it writes stays in
/// its own folder. It connects to the app from 127.0.0.2, so the app can tell the proxy's address
/// from the client's (127.0.0.1) only by reading X-Forwarded-For.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    public const string ProxyAddress = "127.0.0.2";
    private readonly Process _nginx;

    public string Folder { get; }
    public int Port { get; }
    public Uri Address => new($"https://localhost:{Port}");

    private NginxProxy(string folder, int port, Process nginx)
    {
        Folder = folder;
        Port = port;
        _nginx = nginx;
    }

    public static async Task<NginxProxy> StartAsync(Uri upstream)
    {
        var nginxPath = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed: apt-get install -y nginx (./run.sh test does it).");
        var folder = Path.Combine(Path.GetTempPath(), "shelter-nginx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await RunAsync("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
            "-keyout", Path.Combine(folder, "key.pem"), "-out", Path.Combine(folder, "cert.pem"));
        var port = FreePort();
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 128; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                server {
                    listen 127.0.0.1:{{port}} ssl;
                    server_name localhost;
                    ssl_certificate {{folder}}/cert.pem;
                    ssl_certificate_key {{folder}}/key.pem;
                    ssl_protocols TLSv1.2 TLSv1.3;
                    client_max_body_size 10m;
                    location / {
                        proxy_pass {{upstream.GetLeftPart(UriPartial.Authority)}};
                        proxy_bind {{ProxyAddress}};
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                    }
                }
            }
            """);
        var nginx = Process.Start(new ProcessStartInfo(nginxPath, ["-c", config, "-p", folder])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        })!;
        var proxy = new NginxProxy(folder, port, nginx);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(100))
        {
            if (nginx.HasExited)
                throw new InvalidOperationException($"nginx stopped: {await nginx.StandardError.ReadToEndAsync()} {proxy.ErrorLog()}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return proxy;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline) { }
        }
    }

    public string ErrorLog()
    {
        var file = Path.Combine(Folder, "error.log");
        return File.Exists(file) ? File.ReadAllText(file) : "";
    }

    /// <summary>An HttpClient that trusts the test certificate and keeps cookies.</summary>
    public HttpClient NewClient() => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    })
    { BaseAddress = Address };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var err = p.StandardError.ReadToEndAsync();
        await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} failed: {await err}");
    }

    public void Dispose()
    {
        if (!_nginx.HasExited)
        {
            _nginx.Kill(entireProcessTree: true);
            _nginx.WaitForExit(10_000);
        }
        _nginx.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
