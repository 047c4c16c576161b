using System.Collections.Concurrent;
using Shelter.Web.Infrastructure.Caching;

namespace Shelter.Web.Features.Reports;

/// <summary>
/// Answers a report already computed for the same period (and language) instead of asking the
/// database again. The guarantee: a change saved through this process (a check-out that ends an
/// old stay, new terms, a bed out of service, a site or room added, an intake, a sweep…) drops
/// every answer when it is committed (<see cref="DataChanges"/>), so the next request
/// computes afresh; a change made by another web node, or written around EF's SaveChanges
/// (bulk updates, restores, hand SQL), shows up within <see cref="MaxAge"/>, because no answer is
/// served older than that. At most <see cref="MaxEntries"/> answers are kept.
/// </summary>
public sealed class ReportCache(DataChanges changes)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);
    public const int MaxEntries = 32;

    private sealed record Entry(long Generation, long At, object Value);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The cached answer for <paramref name="key"/>, or the one <paramref name="compute"/> gives (then kept).</summary>
    public async Task<T> GetOrComputeAsync<T>(string key, Func<Task<T>> compute) where T : class
    {
        if (TryGet<T>(key) is { } cached) return cached;
        // Read the generation before the database: a change committed meanwhile makes this answer stale at once.
        var generation = changes.Generation;
        var value = await compute();
        Keep(key, generation, value);
        return value;
    }

    public T? TryGet<T>(string key) where T : class =>
        _entries.TryGetValue(key, out var e) && e.Generation == changes.Generation
        && Environment.TickCount64 - e.At < (long)MaxAge.TotalMilliseconds
            ? e.Value as T
            : null;

    /// <summary>The generation to pass to <see cref="Keep"/> for an answer about to be read from the database.</summary>
    public long Generation => changes.Generation;

    public void Keep(string key, long generation, object value)
    {
        if (generation != changes.Generation) return;
        // Answers from before the last change are never served again: let them go (a 10-year CSV is megabytes).
        foreach (var stale in _entries.Where(e => e.Value.Generation != generation)) _entries.TryRemove(stale);
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[key] = new Entry(generation, Environment.TickCount64, value);
    }
}

public static class ReportCacheSetup
{
    public static IServiceCollection AddReportCache(this IServiceCollection services)
    {
        services.AddScoped<ReportAnswers>();
        services.AddSingleton<ReportCache>();
        return services;
    }
}
