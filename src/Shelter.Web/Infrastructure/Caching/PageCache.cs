using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Integrity;
using Shelter.Web.Infrastructure.Mvc;

namespace Shelter.Web.Infrastructure.Caching;

/// <summary>
/// A busy page (the board, a dashboard, the worklist…) that the same worker asks for again while nothing
/// has changed is sent as it was rendered a moment ago: see <see cref="PageCacheFilter"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KeptPerWorkerAttribute : Attribute;

/// <summary>
/// Pages as rendered for one worker, one browser session and one language, each with the
/// <see cref="DataChanges"/> generation it was read in, within the <see cref="MaxAge"/> window of the app's
/// clock it was read in. A page of the current generation is sent as it is. After a change, the first to ask
/// renders the page again; whoever asks while that render is under way gets the page before it (a moment
/// older, as if she had asked a moment earlier) unless she made a change since it was rendered: her own
/// changes she always sees. Bounded to <see cref="PageCacheOptions.Megabytes"/>.
/// </summary>
public sealed class PageCache(DataChanges changes, TimeProvider clock, IOptions<PageCacheOptions> options)
{
    /// <summary>What a page says about time ("held until", "overdue", ages) is never older than this.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The page's bytes (indentation already stripped), where its per-response values sit (one-time form
    /// keys, antiforgery tokens), the views it recorded, and the generation it was read in.
    /// </summary>
    public sealed record Page(byte[] Body, Hole[] Holes, string ContentType, IReadOnlyList<(string What, string? Id)> Views)
    {
        public long Generation { get; init; }
    }

    /// <summary>A value written afresh into every response: <paramref name="Length"/> bytes at <paramref name="At"/>.</summary>
    public readonly record struct Hole(int At, int Length, bool IsFormKey);

    private readonly ConcurrentDictionary<string, Page> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<Page?>> _rendering = new(StringComparer.Ordinal);
    private long _bytes;
    private long _served;

    /// <summary>How many pages were sent kept rather than rendered (for the tests and the benchmark).</summary>
    public long Served => Interlocked.Read(ref _served);

    public bool Enabled => options.Value.Megabytes > 0;

    /// <summary>
    /// The key under which a page is kept: which time window, who, which session (its antiforgery cookie: the
    /// forms' tokens are bound to it), which language and which address.
    /// </summary>
    public string KeyFor(string userId, string session, string path) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{clock.GetUtcNow().ToUnixTimeMilliseconds() / (long)MaxAge.TotalMilliseconds}|{userId}|"
            + $"{CultureInfo.CurrentUICulture.Name}|{session}|{path}");

    /// <summary>
    /// The page to send <paramref name="worker"/> at once for <paramref name="key"/>, if any, and whether she must render it;
    /// neither: wait for <paramref name="underWay"/>.
    /// </summary>
    public (Page? Send, bool Render) Ask(string key, string worker, long generation, TaskCompletionSource<Page?> mine,
        out Task<Page?>? underWay)
    {
        underWay = null;
        var kept = _pages.GetValueOrDefault(key);
        if (kept is not null && kept.Generation == generation) return (Counted(kept), false);
        var renderKey = string.Create(CultureInfo.InvariantCulture, $"{generation}|{key}");
        if (_rendering.TryAdd(renderKey, mine.Task)) return (null, true);
        underWay = _rendering.GetValueOrDefault(renderKey);
        if (underWay is null) return (null, true); // it finished just now: render rather than look again
        return kept is not null && changes.ShowsOwnChanges(worker, kept.Generation) ? (Counted(kept), false) : (null, false);
    }

    /// <summary>A page another request rendered for the same key while this one waited.</summary>
    public Page Waited(Page page) => Counted(page);

    private Page Counted(Page page)
    {
        Interlocked.Increment(ref _served);
        return page;
    }

    /// <summary>Keeps the page (null: not keepable) unless the window passed or a newer one is kept; lets those waiting have it.</summary>
    public void Rendered(string key, string keyNow, long generation, TaskCompletionSource<Page?> mine, Page? page)
    {
        if (page is not null && key == keyNow) Keep(key, page with { Generation = generation });
        _rendering.TryRemove(new KeyValuePair<string, Task<Page?>>(
            string.Create(CultureInfo.InvariantCulture, $"{generation}|{key}"), mine.Task));
        mine.TrySetResult(page);
    }

    private void Keep(string key, Page page)
    {
        var limit = options.Value.Megabytes * 1024L * 1024L;
        var replaced = _pages.GetValueOrDefault(key);
        if (replaced is not null && replaced.Generation > page.Generation) return; // a newer render finished first
        if (Interlocked.Add(ref _bytes, page.Body.Length - (replaced?.Body.Length ?? 0)) > limit)
        {
            // Pages of past windows are never sent again: start afresh rather than track ages.
            _pages.Clear();
            Interlocked.Exchange(ref _bytes, page.Body.Length);
        }
        _pages[key] = page;
    }

    private static readonly byte[] FormKeyMarker = Encoding.UTF8.GetBytes("name=\"" + WriteTransactionFilter.FieldName + "\" value=\"");
    private static readonly byte[] TokenMarker = Encoding.UTF8.GetBytes("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"");

    /// <summary>Where the one-time form keys and the antiforgery tokens are in <paramref name="body"/>, in order.</summary>
    public static Hole[] HolesIn(ReadOnlySpan<byte> body)
    {
        var holes = new List<Hole>();
        foreach (var (marker, isFormKey) in new[] { (FormKeyMarker, true), (TokenMarker, false) })
        {
            for (int from = 0, found; (found = body[from..].IndexOf(marker)) >= 0; from += found + marker.Length)
            {
                var at = from + found + marker.Length;
                var length = body[at..].IndexOf((byte)'"');
                if (length > 0) holes.Add(new Hole(at, length, isFormKey));
            }
        }
        return [.. holes.Where(h => !h.IsFormKey || h.Length == 32).OrderBy(h => h.At)];
    }
}

public sealed class PageCacheOptions
{
    /// <summary>Memory for kept pages; 0 turns the cache off.</summary>
    public int Megabytes { get; set; } = 16;
}

/// <summary>
/// Serves a <see cref="KeptPerWorkerAttribute"/> page from <see cref="PageCache"/>, after authentication,
/// the session check and authorization have run as for any request. Only the worker it was rendered
/// for ever gets it back. A kept page gets fresh one-time form keys, and its views are written to
/// the audit trail again, as if rendered. Not kept: a page with a notice to show once, a page that
/// sets a cookie (her first page, whose antiforgery cookie is new), anything but a 200 HTML page.
/// </summary>
public sealed class PageCacheFilter : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var cache = http.RequestServices.GetRequiredService<PageCache>();
        if (!context.ActionDescriptor.EndpointMetadata.OfType<KeptPerWorkerAttribute>().Any() || !cache.Enabled
            || !HttpMethods.IsGet(http.Request.Method) || KeyOf(http) is not { } key)
        {
            await next();
            return;
        }
        var worker = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var generation = http.RequestServices.GetRequiredService<DataChanges>().Generation; // before anything is read
        var mine = new TaskCompletionSource<PageCache.Page?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (send, render) = cache.Ask(key, worker, generation, mine, out var underWay);
        if (send is null && !render && await underWay!.WaitAsync(http.RequestAborted) is { } rendered) send = cache.Waited(rendered);
        if (send is not null)
        {
            context.Result = new KeptPageResult(send);
            return;
        }
        PageCache.Page? page = null;
        try
        {
            page = await RenderAsync(http, next);
        }
        finally
        {
            if (render) cache.Rendered(key, KeyOf(http) ?? "", generation, mine, page);
        }
    }

    /// <summary>Null when this request's page must not be kept or served from the cache.</summary>
    private static string? KeyOf(HttpContext http)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var session = http.Request.Cookies[http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name!];
        var notice = http.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!;
        if (userId is null || session is null || http.Request.Cookies.ContainsKey(notice)) return null;
        return http.RequestServices.GetRequiredService<PageCache>().KeyFor(userId, session, http.Request.Path + http.Request.QueryString);
    }

    /// <summary>Renders the page as usual, holding its bytes and the views it recorded; null when it is not keepable.</summary>
    private static async Task<PageCache.Page?> RenderAsync(HttpContext http, ResourceExecutionDelegate next)
    {
        var views = new ViewsOnThisPage();
        http.Features.Set(views);
        var original = http.Response.Body;
        using var held = new MemoryStream(16 * 1024);
        http.Response.Body = held;
        ResourceExecutedContext executed;
        try
        {
            executed = await next();
        }
        finally
        {
            http.Response.Body = original;
            http.Features.Set<ViewsOnThisPage>(null);
        }
        if (held.Length == 0) return null; // a 404, a redirect: the status-code page may still write its own
        var html = http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        var length = html ? StripIndentation.Strip(held.GetBuffer().AsSpan(0, (int)held.Length)) : (int)held.Length;
        http.Items[StripIndentation.AlreadyStripped] = true;
        if (!http.Response.HasStarted) http.Response.ContentLength = length;
        await original.WriteAsync(held.GetBuffer().AsMemory(0, length), http.RequestAborted);

        var keepable = executed.Exception is null && http.Response.StatusCode == StatusCodes.Status200OK && html
            && !SetsACookie(http.Response);
        if (!keepable) return null;
        var body = held.GetBuffer().AsSpan(0, length).ToArray();
        return new PageCache.Page(body, PageCache.HolesIn(body), http.Response.ContentType!, views.Recorded);
    }

    /// <summary>
    /// A cookie set, not merely cleared (the notices' cookie is cleared on every page): a page with a new
    /// antiforgery cookie carries tokens for it, not for the cookie the key was made with.
    /// </summary>
    private static bool SetsACookie(HttpResponse response) =>
        !SetCookieHeaderValue.TryParseList(response.Headers.SetCookie.OfType<string>().ToList(), out var cookies)
        || cookies!.Any(c => c.Expires is not { } expires || expires > DateTimeOffset.UnixEpoch.AddYears(1));
}

/// <summary>The views a page recorded while it was rendered, to record them again each time it is served kept.</summary>
public sealed class ViewsOnThisPage
{
    private readonly List<(string What, string? Id)> _views = [];

    public IReadOnlyList<(string What, string? Id)> Recorded => _views;

    public void Add(string what, string? id) => _views.Add((what, id));
}

/// <summary>
/// A kept page: her views recorded again, fresh one-time form keys and a fresh antiforgery token (as a render
/// would give: no secret repeats byte for byte across responses, see docs/security.md), the rest as rendered.
/// </summary>
public sealed class KeptPageResult(PageCache.Page page) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var audit = http.RequestServices.GetRequiredService<AuditLog>();
        foreach (var (what, id) in page.Views) await audit.ViewedAsync(what, id);
        var token = page.Holes.Any(h => !h.IsFormKey)
            ? Encoding.UTF8.GetBytes(http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken ?? "")
            : [];

        var length = page.Body.Length + page.Holes.Where(h => !h.IsFormKey).Sum(h => token.Length - h.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Fill(buffer, token);
            http.Items[StripIndentation.AlreadyStripped] = true;
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = page.ContentType;
            http.Response.ContentLength = length;
            await http.Response.Body.WriteAsync(buffer.AsMemory(0, length), http.RequestAborted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Fill(byte[] buffer, byte[] token)
    {
        int read = 0, written = 0;
        foreach (var hole in page.Holes)
        {
            page.Body.AsSpan(read, hole.At - read).CopyTo(buffer.AsSpan(written));
            written += hole.At - read;
            if (hole.IsFormKey) Guid.NewGuid().TryFormat(buffer.AsSpan(written, 32), out _, "N");
            else token.CopyTo(buffer.AsSpan(written));
            written += hole.IsFormKey ? 32 : token.Length;
            read = hole.At + hole.Length;
        }
        page.Body.AsSpan(read).CopyTo(buffer.AsSpan(written));
    }
}

public static class PageCacheSetup
{
    public static IServiceCollection AddPageCache(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<PageCacheOptions>(config.GetSection("PageCache"));
        services.AddSingleton<PageCache>();
        return services;
    }
}
