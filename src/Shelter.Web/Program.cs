using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Shelter.Web;
using Shelter.Web.Features;
using Shelter.Web.Infrastructure;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Backups;
using Shelter.Web.Infrastructure.Caching;
using Shelter.Web.Infrastructure.Commands;
using Shelter.Web.Infrastructure.Data;
using Shelter.Web.Infrastructure.Email;
using Shelter.Web.Infrastructure.Integrity;
using Shelter.Web.Infrastructure.Jobs;
using Shelter.Web.Infrastructure.Mvc;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = ShelterPaths.FindWebRoot(),
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddShelterData(builder.Configuration);
builder.Services.AddShelterAccounts(builder.Configuration, builder.Environment);
builder.Services.AddShelterEmail(builder.Configuration);
builder.Services.AddShelterJobs(builder.Configuration);
builder.Services.AddScoped<AuditLog>();
builder.Services.AddViewAudit();
// Pages are large and repetitive (the board most of all); why this is safe with tokens on them: docs/security.md.
builder.Services.AddResponseCompression(o =>
{
    o.EnableForHttps = true;
    o.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes.Concat(["text/csv", "image/svg+xml"]);
});
builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o =>
    o.Level = System.IO.Compression.CompressionLevel.Fastest);
builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o =>
    o.Level = System.IO.Compression.CompressionLevel.Fastest);
builder.Services.AddScoped<SiteScope>();
builder.Services.AddPageCache(builder.Configuration);
builder.Services.AddShelterFeatures();
builder.Services.AddShelterLinks(builder.Configuration);
builder.Services.AddShelterBackups(builder.Configuration);
builder.Services.Configure<Shelter.Web.Features.Privacy.PurgeOptions>(builder.Configuration.GetSection("Purge"));
builder.Services.Configure<Shelter.Web.Care.PartnerProposalOptions>(builder.Configuration.GetSection("Partners"));
builder.Services.Configure<Shelter.Web.Housing.WaitingListOptions>(builder.Configuration.GetSection("Waiting"));
builder.Services.Configure<Shelter.Web.Care.ContinuityOptions>(builder.Configuration.GetSection("Continuity"));
builder.Services.AddShelterRateLimits(builder.Configuration);
builder.Services.AddShelterReverseProxy(builder.Configuration);

builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.AddScoped<Shelter.Core.Text.ISayer, Shelter.Web.Infrastructure.Localization.Sayer>();
builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>,
    Shelter.Web.Infrastructure.Localization.ModelBindingMessages>();
builder.Services.AddControllersWithViews(o =>
    {
        o.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
        o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        o.Filters.Add(new PageCacheFilter());
        o.Filters.Add(new PasswordChangeRequiredFilter());
        o.Filters.Add(new TwoFactorRequiredFilter());
        o.Filters.Add(new SiteScopeFilter());
        o.Filters.Add(new AuditReadsFilter());
        o.Filters.Add(new WriteTransactionFilter());
        o.Filters.Add(new Shelter.Web.Infrastructure.Localization.LocalizedModelErrorsFilter());
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)))
    .AddRazorOptions(o => o.ViewLocationExpanders.Add(new FeatureFolderExpander()));

var app = builder.Build();

// A restore goes into an empty data folder: before anything creates a database there.
if (ShelterCommands.IsRestore(args))
    return await ShelterCommands.RestoreAsync(app, args);

await app.MigrateKeyRingStoreAsync();
if (KeyRing.Unreadable(app.Services) is { } keyProblem)
{
    Console.Error.WriteLine(keyProblem);
    return 1;
}
await app.PrepareDatabaseAsync();
if (ShelterCommands.IsCommand(args))
    return await ShelterCommands.RunAsync(app, args);

app.UseForwardedHeaders();
app.UseResponseCompression();
app.UseMiddleware<Shelter.Web.Infrastructure.Mvc.StripIndentation>(); // inside compression: it compresses the stripped page
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}
app.UseShelterSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseRequestLocalization(Shelter.Web.Infrastructure.Localization.Languages.Configure); // after sign-in: the account's choice comes first
app.UseAuthorization();
app.UseNoStoreForSignedIn();
app.UseRateLimiter();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapHangfireDashboard("/jobs", new DashboardOptions { Authorization = [], AppPath = "/" })
    .RequireAuthorization(Policies.Jobs);
app.MapControllers();

app.Lifetime.ApplicationStarted.Register(() =>
{
    StartupBanner.Print(app);
    ShelterLinksSetup.WarnIfUnset(app);
});
await app.RunAsync();
return 0;

/// <summary>Lets the test host find the entry point.</summary>
public partial class Program;
