using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shelter.Core.Audit;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Integrity;

/// <summary>Views are written by one background writer; none is lost when the server stops.</summary>
public class ViewAuditQueueTests
{
    [Fact]
    public async Task Views_still_queued_when_the_server_stops_are_written_before_it_exits()
    {
        var folder = ShelterFactory.NewDataFolder();
        var running = new ShelterFactory(folder, demo: false) { DeleteDataOnDispose = false };
        var queue = running.Services.GetRequiredService<ViewsToAudit>();
        // Five batches' worth queued at once, then the server stops without waiting for the writer.
        for (var i = 0; i < 5_000; i++)
            await queue.EnqueueAsync(new AuditEvent
            {
                At = DateTime.UtcNow, Action = AuditActions.Viewed, EntityType = "Resident",
                EntityId = $"burst-{i}"
            });
        await running.DisposeAsync();

        using var restarted = new ShelterFactory(folder, demo: false);
        Assert.Equal(5_000, await restarted.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityId!.StartsWith("burst-"))));
    }

    [Fact]
    public async Task Fifty_readers_at_once_each_leave_their_view_in_the_audit_trail()
    {
        using var app = new ShelterFactory();
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);
        var before = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == "BedBoard"));

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => staff.GetStringAsync("/beds")));

        await app.ViewsAuditedAsync();
        Assert.Equal(before + 50, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == "BedBoard")));
    }

    [Fact]
    public async Task A_page_is_compressed_for_a_browser_that_asks_and_plain_for_one_that_does_not()
    {
        using var app = new ShelterFactory();
        var staff = await app.SignedInClientAsync(DemoAccounts.Staff);
        using var asks = new HttpRequestMessage(HttpMethod.Get, "/beds");
        asks.Headers.AcceptEncoding.ParseAdd("br");

        using var compressed = await staff.SendAsync(asks);
        var plain = await staff.GetStringAsync("/beds");

        Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
        await using var body = new BrotliStream(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var html = await new StreamReader(body).ReadToEndAsync();
        Assert.Contains("data-bed=\"", html);
        Assert.True(compressed.Content.Headers.ContentLength is null or > 0);
        Assert.Contains("data-bed=\"", plain);
    }
}
