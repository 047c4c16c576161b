using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Shelter.Web.Infrastructure.Email;

/// <summary>An email to a staff member. Never carries resident data: counts and a link only.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "shelter@localhost";
}

/// <summary>
/// Sends through SMTP with MailKit; with no SMTP host configured (development),
/// writes .eml files to the pickup folder under the data folder instead of failing.
/// </summary>
public sealed class MailKitEmailSender(IOptions<SmtpOptions> options, ShelterPaths paths, ILogger<MailKitEmailSender> log,
    TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var smtp = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.TextBody };

        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            Directory.CreateDirectory(paths.MailPickupFolder);
            var file = Path.Combine(paths.MailPickupFolder, $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(file, ct);
            log.LogInformation("No SMTP host configured; email written to the pickup folder");
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}

public static class EmailSetup
{
    public static IServiceCollection AddShelterEmail(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SmtpOptions>(config.GetSection("Smtp"));
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        return services;
    }
}
