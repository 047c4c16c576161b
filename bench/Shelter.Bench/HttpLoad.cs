using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shelter.Bench;

/// <summary>
/// Real HTTP against the built app (Release) on a seeded data folder, beside a bare Kestrel endpoint
/// started in the same run:
///   ./run.sh seed --size national   (into SHELTER_DATA=bench/out/national)
///   ./run.sh bench http
/// Each page at 1, 10 and 50 connections with Debian's wrk; then 45 readers on the worklist while
/// 5 staff check women in and out. Prints requests/s, p50/p95/p99, server CPU per request and the
/// ratio to bare; appends the table to docs/benchmarks.md with the machine, date and load average.
/// SHELTER_BENCH_SECONDS (10) sets each point's length; SHELTER_BENCH_PAGES a comma list of name
/// fragments to measure (the bare endpoint always runs); SHELTER_BENCH_CONNECTIONS e.g. "50".
/// </summary>
public static class HttpLoad
{
    private const string Password = "Shelter-demo-2026"; // the demo accounts the national seed brings

    public static async Task<int> RunAsync(string[] args)
    {
        var run = Settings.From(args);
        if (!Ready(run.Data)) return 2;

        // The bare limit: Kestrel returning 2 KB, in this process, on this machine, now.
        var barePort = FreePort();
        await using var bare = BareKestrel(barePort);
        await bare.StartAsync();

        var port = FreePort();
        var server = StartServer(run.Web, run.Data, port);
        var started = Stopwatch.StartNew();
        var baseUri = new Uri($"http://127.0.0.1:{port}");
        if (!await CameUpAsync(server, baseUri, started)) return 1;
        var startup = started.Elapsed.TotalMilliseconds;
        Console.WriteLine($"App up on {baseUri} (pid {server.Id}): first /health 200 after {startup:0} ms; load average {LoadAverage()}");

        var lines = new List<string>();
        try
        {
            var staff = await SignInAsync(baseUri, "staff@demo.shelter");
            var caseManager = await SignInAsync(baseUri, "casemanager@demo.shelter");
            var socialWorker = await SignInAsync(baseUri, "socialworker@demo.shelter");
            var manager = await SignInAsync(baseUri, "manager@demo.shelter", "DEMOMANAGERSHELTERTOTPKEYQQQQQQQ");
            var pages = await PagesAsync(barePort, staff, caseManager, socialWorker, manager);
            var bareRate = await MeasurePagesAsync(pages, baseUri, server, run, lines);

            // 45 case managers on the worklist while 5 staff check women in and out.
            if (run.Only is null || run.Only.Any(o => "mix".Contains(o, StringComparison.OrdinalIgnoreCase)))
                await MeasureMixAsync(baseUri, staff, caseManager, server, run.Seconds, bareRate, lines);

            return 0;
        }
        finally
        {
            var (rss, peak) = server.HasExited ? (0.0, 0.0) : (RssMb(server.Id), RssMb(server.Id, "VmHWM:"));
            Console.WriteLine($"Server RSS after the run: {rss:0} MB (peak {peak:0} MB)");
            Append(run.Root, run.Label, run.Data, run.Seconds, startup, $"{rss:0} MB (peak {peak:0} MB)", lines);
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            await bare.StopAsync();
        }
    }

    /// <summary>A run's choices: its label, and the SHELTER_* variables the class comment lists.</summary>
    private sealed record Settings(string Root, string Data, int Seconds, string[]? Only, int[]? Points, string Label, string Web)
    {
        public static Settings From(string[] args)
        {
            var root = FindRoot();
            var data = Environment.GetEnvironmentVariable("SHELTER_DATA") is { Length: > 0 } d
                ? d : Path.Combine(root, "bench/out/national");
            var seconds = int.TryParse(Environment.GetEnvironmentVariable("SHELTER_BENCH_SECONDS"), out var s) ? s : 10;
            var only = Environment.GetEnvironmentVariable("SHELTER_BENCH_PAGES")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
            int[]? points = Environment.GetEnvironmentVariable("SHELTER_BENCH_CONNECTIONS")?.Split(',').Select(int.Parse).ToArray();
            var label = args.FirstOrDefault() ?? "";
            // SHELTER_BENCH_APP: another build's Shelter.Web.dll (a copy of "before", to compare with "after").
            var web = Environment.GetEnvironmentVariable("SHELTER_BENCH_APP") is { Length: > 0 } a
                ? Path.GetFullPath(a) : Path.Combine(root, "src/Shelter.Web/bin/Release/net10.0/Shelter.Web.dll");
            return new Settings(root, data, seconds, only, points, label, web);
        }
    }

    /// <summary>Whether the seeded database and wrk are there; says what is missing when not.</summary>
    private static bool Ready(string data)
    {
        if (!File.Exists(Path.Combine(data, "shelter.db")))
        {
            Console.Error.WriteLine($"No seeded database in {data}: run SHELTER_DATA={data} ./run.sh seed --size national first.");
            return false;
        }
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("wrk is missing: apt-get install -y wrk");
            return false;
        }
        return true;
    }

    private static WebApplication BareKestrel(int port)
    {
        var bareBody = new string('x', 2048);
        var bareBuilder = WebApplication.CreateSlimBuilder();
        bareBuilder.Logging.ClearProviders();
        bareBuilder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var bare = bareBuilder.Build();
        bare.MapGet("/", () => Results.Text(bareBody));
        return bare;
    }

    /// <summary>Polls /health until it answers 200; false (and says so) when the app exited or took over 3 minutes.</summary>
    private static async Task<bool> CameUpAsync(Process server, Uri baseUri, Stopwatch started)
    {
        using var probe = new HttpClient { BaseAddress = baseUri };
        while (true)
        {
            try { if ((await probe.GetAsync("/health")).IsSuccessStatusCode) return true; } catch (HttpRequestException) { }
            if (server.HasExited
                || started.Elapsed > TimeSpan.FromMinutes(3)) { Console.Error.WriteLine("The app did not start."); return false; }
            await Task.Delay(20);
        }
    }

    private static async Task<List<(string Name, string Path, Session? Who, int[] Connections)>> PagesAsync(
        int barePort, Session staff, Session caseManager, Session socialWorker, Session manager)
    {
        var to = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var from = DateTime.UtcNow.AddYears(-10).ToString("yyyy-MM-dd");
        // A woman in the house tonight at one of the case manager's sites: her page, as each would open it.
        var resident = Regex.Match(await caseManager.Client.GetStringAsync("/residents?q=a"), "href=\"/residents/(\\d+)\"")
            .Groups[1].Value;

        return
        [
            ("bare Kestrel, 2 KB", $"http://127.0.0.1:{barePort}/", null, [1, 10, 50]),
            ("sign-in page (MVC, no data)", "/Account/Login", null, [1, 10, 50]),
            ("GET /beds, staff", "/beds", staff, [1, 10, 50]),
            ("GET /, staff", "/", staff, [1, 10, 50]),
            ("GET /, case manager", "/", caseManager, [1, 10, 50]),
            ("GET /, social worker", "/", socialWorker, [1, 10, 50]),
            ("GET /, manager", "/", manager, [1, 10, 50]),
            ("GET /residents?q=an, case manager", "/residents?q=an", caseManager, [1, 10, 50]),
            ("a resident's page, case manager", $"/residents/{resident}", caseManager, [1, 10, 50]),
            ("GET /tasks, case manager", "/tasks", caseManager, [1, 10, 50]),
            ("GET /medication, case manager", "/medication", caseManager, [1, 10, 50]),
            ("occupancy report, 10 years", $"/reports/occupancy?from={from}&to={to}", manager, [1, 10, 50]),
            ("outcomes report, 10 years", $"/reports/outcomes?from={from}&to={to}", manager, [1, 10, 50]),
            ("occupancy CSV, 10 years", $"/reports/occupancy.csv?from={from}&to={to}", manager, [1, 10]),
        ];
    }

    /// <summary>Each page at its connection counts; returns the bare endpoint's rate at 50, the yardstick for the rest.</summary>
    private static async Task<double> MeasurePagesAsync(List<(string Name, string Path, Session? Who, int[] Connections)> pages,
        Uri baseUri, Process server, Settings run, List<string> lines)
    {
        double bareRate = 0;
        foreach (var (name, path, who, connections) in pages)
        {
            if (run.Only is not null && !run.Only.Any(o => name.Contains(o, StringComparison.OrdinalIgnoreCase))
                && !name.StartsWith("bare", StringComparison.Ordinal)) continue;
            var url = path.StartsWith("http", StringComparison.Ordinal) ? path : baseUri + path.TrimStart('/');
            var cookie = who?.Cookie;
            (int Status, long Bytes) check;
            try { check = await Check(url, cookie); }
            catch (TaskCanceledException)
            {
                Console.WriteLine($"{name}: no answer within 100 s; skipped"); lines.Add(
                $"| {name} | — | no answer within 100 s | | | | | | | |"); await QuietAsync(server.Id); continue;
            }
            if (check.Status != 200) { Console.WriteLine($"{name}: {url} answered {check.Status}; skipped"); continue; }
            // Two seconds not counted: the page's code paths reach their final compilation tier first, as on a server
            // that has been up a while (the first page measured was otherwise measured half cold).
            await Wrk(url, cookie, 10, 2);
            foreach (var c in run.Points is null ? connections : connections.Intersect(run.Points))
            {
                await QuietAsync(server.Id);
                var cpuBefore = CpuMs(server.Id);
                var r = await Wrk(url, cookie, c, run.Seconds);
                // Requests wrk gave up on are still worked on: their CPU counts, then the server settles.
                await QuietAsync(server.Id);
                var cpu = CpuMs(server.Id) - cpuBefore;
                if (name.StartsWith("bare", StringComparison.Ordinal) && c == 50) bareRate = r.Rate;
                var line = PageLine(name, c, r, bareRate, cpu, check.Bytes);
                Console.WriteLine(line);
                lines.Add(line);
            }
        }
        return bareRate;
    }

    private static string PageLine(string name, int connections, WrkResult r, double bareRate, double cpu, long bytes)
    {
        // The bare endpoint is the yardstick: no share of itself, and its CPU is this process's, not the server's.
        var bare = name.StartsWith("bare", StringComparison.Ordinal);
        var ofBare = bareRate > 0 && !bare ? (r.Rate / bareRate * 100).ToString("0.00") + " %" : "—";
        var cpuPerRequest = bare || r.Requests == 0 ? "—" : (cpu / r.Requests).ToString("0.00");
        return $"| {name} | {connections} | {r.Rate:0.#} | {ofBare} | {r.P50:0.0} | {r.P95:0.0} | {r.P99:0.0} | {cpuPerRequest} "
            + $"| {bytes / 1024.0:0} KB | {r.Errors} |";
    }

    /// <summary>45 readers on the worklist with wrk while 5 staff sessions check women in and out.</summary>
    private static async Task MeasureMixAsync(Uri baseUri, Session staff, Session caseManager, Process server, int seconds,
        double bareRate, List<string> lines)
    {
        var writers = new List<Session>();
        for (var i = 0; i < 5; i++) writers.Add(i == 0 ? staff : await SignInAsync(baseUri, "staff@demo.shelter"));
        using var stop = new CancellationTokenSource();
        var writes = writers.Select(w => Task.Run(() => WriteLoopAsync(w, stop.Token))).ToList();
        var cpuBefore = CpuMs(server.Id);
        var r = await Wrk(baseUri + "tasks", caseManager.Cookie, 45, seconds);
        var cpu = CpuMs(server.Id) - cpuBefore;
        stop.Cancel();
        var w = (await Task.WhenAll(writes)).Aggregate(new WriteTally(), (a, b) => a.Add(b));
        w.Latencies.Sort();
        double P(double q) => w.Latencies.Count == 0
            ? 0 : w.Latencies[(int)Math.Min(w.Latencies.Count - 1, Math.Ceiling(q * w.Latencies.Count) - 1)];
        var ofBare = bareRate > 0 ? (r.Rate / bareRate * 100).ToString("0.00") + " %" : "—";
        var line = $"| mix: 45 readers on /tasks | 45+5 | {r.Rate:0} | {ofBare} | {r.P50:0.0} | {r.P95:0.0} | {r.P99:0.0} "
            + $"| {cpu / Math.Max(1, r.Requests + w.Latencies.Count):0.00} | | {r.Errors} |";
        var writeLine = $"| mix: 5 writers (check-in, check-out) | 5 | {w.Latencies.Count / (double)seconds:0} | "
            + $"| {P(0.5):0.0} | {P(0.95):0.0} | {P(0.99):0.0} | | | 5xx {w.ServerErrors}, bed taken {w.Conflicts} |";
        Console.WriteLine(line);
        Console.WriteLine(writeLine);
        lines.Add(line);
        lines.Add(writeLine);
    }

    private static Process StartServer(string web, string data, int port)
    {
        var info = new ProcessStartInfo("dotnet", [web, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["SHELTER_DATA"] = data;
        info.Environment["SHELTER_DEMO"] = "0";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Security__AllowInsecureCookies"] = "true"; // plain HTTP on loopback, as ./run.sh serves the demo
        info.Environment["RateLimits__SignInPerMinute"] = "1000";
        info.Environment["RateLimits__SignInPerAccountPerMinute"] = "1000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public sealed record Session(HttpClient Client, CookieContainer Jar, Uri Base)
    {
        public string Cookie => Jar.GetCookieHeader(Base);
    }

    private static async Task<Session> SignInAsync(Uri baseUri, string email, string? authenticatorKey = null)
    {
        var jar = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = baseUri };
        var response = await PostFormAsync(client, "/Account/Login", "/Account/Login", [new("Email", email), new("Password", Password)]);
        if (response.Headers.Location?.OriginalString.StartsWith("/Account/LoginWith2fa", StringComparison.Ordinal) == true
            && authenticatorKey is not null)
        {
            var form = response.Headers.Location.OriginalString;
            for (var attempt = 0; attempt < 2; attempt++)
            {
                // A code works once: a second run within the same 30 seconds waits for the next one.
                response = await PostFormAsync(client, form, "/Account/LoginWith2fa",
                    [new("Code", Totp(authenticatorKey, DateTimeOffset.UtcNow.AddSeconds(30 * attempt)))]);
                if (response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location?.OriginalString.StartsWith("/Account/", StringComparison.Ordinal) != true) break;
                await Task.Delay(TimeSpan.FromSeconds(30 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30 + 1));
            }
        }
        if (response.StatusCode != HttpStatusCode.Redirect
            || response.Headers.Location?.OriginalString.StartsWith("/Account/", StringComparison.Ordinal) == true)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return new Session(client, jar, baseUri);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action,
        List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(formPage);
        fields.Add(new("__RequestVerificationToken", Token(page)));
        fields.Add(new("__SubmissionKey", Guid.NewGuid().ToString("N")));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>RFC 6238 with SHA-1, 6 digits, 30 s: what the demo manager's phone shows.</summary>
    internal static string Totp(string base32, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32.TrimEnd('=').Select(ch => Convert.ToString(alphabet.IndexOf(ch), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var mac = HMACSHA1.HashData(key, counter);
        var offset = mac[^1] & 15;
        var code = ((mac[offset] & 0x7F) << 24 | mac[offset + 1] << 16 | mac[offset + 2] << 8 | mac[offset + 3]) % 1_000_000;
        return code.ToString("000000", CultureInfo.InvariantCulture);
    }

    private sealed class WriteTally
    {
        public List<double> Latencies { get; } = [];
        public int ServerErrors { get; set; }
        public int Conflicts { get; set; }
        public WriteTally Add(WriteTally other)
        {
            Latencies.AddRange(other.Latencies);
            ServerErrors += other.ServerErrors;
            Conflicts += other.Conflicts;
            return this;
        }
    }

    /// <summary>One staff worker: check a woman into a free bed, then check her out; again until told to stop.</summary>
    private static async Task<WriteTally> WriteLoopAsync(Session who, CancellationToken stop)
    {
        var tally = new WriteTally();
        var random = new Random(who.GetHashCode());
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            var page = await who.Client.GetStringAsync("/stays/check-in", CancellationToken.None);
            var beds = Regex.Matches(page, "<option value=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
            if (beds.Count == 0) break;
            var watch = Stopwatch.StartNew();
            var checkIn = await who.Client.PostAsync("/stays/check-in", new FormUrlEncodedContent(
            [
                new("Alias", $"Bench {n++}"), new("BedId", beds[random.Next(beds.Count)]), new("OverrideReason", "load"), new("intent",
                    "checkin"),
                new("__RequestVerificationToken", Token(page)), new("__SubmissionKey", Guid.NewGuid().ToString("N")),
            ]), CancellationToken.None);
            tally.Latencies.Add(watch.Elapsed.TotalMilliseconds);
            if ((int)checkIn.StatusCode >= 500) tally.ServerErrors++;
            if (checkIn.StatusCode == HttpStatusCode.Conflict) tally.Conflicts++;
            if (checkIn.StatusCode != HttpStatusCode.Redirect || checkIn.Headers.Location?.OriginalString is not { } stay) continue;
            var form = await who.Client.GetStringAsync($"{stay}/check-out", CancellationToken.None);
            watch.Restart();
            var checkOut = await who.Client.PostAsync($"{stay}/check-out", new FormUrlEncodedContent(
            [
                new("Reason", "PlannedEnd"), new("Destination", "Unknown"),
                new("__RequestVerificationToken", Token(form)), new("__SubmissionKey", Guid.NewGuid().ToString("N")),
            ]), CancellationToken.None);
            tally.Latencies.Add(watch.Elapsed.TotalMilliseconds);
            if ((int)checkOut.StatusCode >= 500) tally.ServerErrors++;
        }
        return tally;
    }

    private static async Task<(int Status, long Bytes)> Check(string url, string? cookie)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, (await response.Content.ReadAsByteArrayAsync()).LongLength);
    }

    private sealed record WrkResult(double Rate, double P50, double P95, double P99, long Requests, string Errors);

    private static async Task<WrkResult> Wrk(string url, string? cookie, int connections, int seconds)
    {
        var script = Path.Combine(Path.GetTempPath(), "shelter-bench-wrk.lua");
        await File.WriteAllTextAsync(script, """
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT %d %d %f %f %f %d %d %d\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(95), latency:percentile(99),
                e.status, e.connect + e.read + e.write, e.timeout))
            end
            """);
        var info = new ProcessStartInfo("/usr/bin/wrk",
            ["-t", Math.Min(2, connections).ToString(), "-c", connections.ToString(), "-d", $"{seconds}s", "--timeout", "10s", "-s",
            script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (cookie is not null) { info.ArgumentList.Add("-H"); info.ArgumentList.Add("Cookie: " + cookie); }
        info.ArgumentList.Add("-H"); info.ArgumentList.Add("Accept-Encoding: br, gzip"); // as a browser asks
        info.ArgumentList.Add(url);
        using var wrk = Process.Start(info)!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var result = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("wrk said: " + output + await wrk.StandardError.ReadToEndAsync());
        var f = result.Split(' ');
        var requests = long.Parse(f[1]);
        var micros = double.Parse(f[2], CultureInfo.InvariantCulture);
        var errors = ($"{(f[6] == "0" ? "" : $"≥400: {f[6]} ")}{(f[7] == "0" ? "" : $"socket: {f[7]} ")}"
            + $"{(f[8] == "0" ? "" : $"timeout: {f[8]}")}").Trim();
        return new WrkResult(requests / (micros / 1e6), double.Parse(f[3], CultureInfo.InvariantCulture) / 1000,
            double.Parse(f[4], CultureInfo.InvariantCulture) / 1000,
            double.Parse(f[5], CultureInfo.InvariantCulture) / 1000, requests, errors.Length == 0 ? "0" : errors);
    }

    /// <summary>Waits (up to 60 s) until the server uses under 5 % of a core: the last point's requests are done.</summary>
    private static async Task QuietAsync(int pid)
    {
        for (var waited = 0; waited < 60_000; waited += 500)
        {
            var before = CpuMs(pid);
            await Task.Delay(500);
            if (CpuMs(pid) - before < 25) return;
        }
    }

    /// <summary>User + system CPU of the server so far, from /proc/PID/stat (clock ticks of 10 ms).</summary>
    private static double CpuMs(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) * 10.0; // utime, stime (fields 14 and 15)
    }

    private static double RssMb(int pid, string field = "VmRSS:") =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(field, StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0).FirstOrDefault();

    private static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Shelter.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository.");
    }

    private static void Append(string root, string label, string data, int seconds, double startup, string rss, List<string> lines)
    {
        var cpu = File.ReadLines("/proc/cpuinfo")
            .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";
        var text = new StringBuilder()
            .AppendLine()
            .AppendLine($"### `./run.sh bench http` {label} — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
            .AppendLine()
            .AppendLine($"Machine: {Environment.ProcessorCount} cores ({cpu}), {Environment.OSVersion}, .NET {Environment.Version}, "
                + $"Release; data `{Path.GetFileName(data)}`; {seconds} s per point; load average at the end {LoadAverage()}; "
                + $"start to first `/health` 200: {startup:0} ms; server RSS at the end: {rss}.")
            .AppendLine()
            .AppendLine("| page | connections | requests/s | % of bare at 50 | p50 ms | p95 ms | p99 ms "
                + "| server CPU ms/request | page size | errors |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var line in lines) text.AppendLine(line);
        File.AppendAllText(Path.Combine(root, "docs/benchmarks.md"), text.ToString());
    }
}
