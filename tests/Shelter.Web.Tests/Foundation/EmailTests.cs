using Microsoft.Extensions.DependencyInjection;
using Shelter.Web.Infrastructure.Email;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Foundation;

public class EmailTests(SmtpSink smtp) : IClassFixture<SmtpSink>
{
    [Fact]
    public async Task An_email_sent_through_MailKit_arrives_at_the_SMTP_sink()
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false, new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "shelter@test.shelter",
        });
        var sender = app.Services.GetRequiredService<IEmailSender>();

        await sender.SendAsync(new EmailMessage("casemanager@test.shelter", "3 follow-ups due today",
            "Open Shelter to see them: http://localhost/tasks"));

        var messages = await smtp.WaitForAsync(1);
        var mail = Assert.Single(messages);
        Assert.Contains("Subject: 3 follow-ups due today", mail);
        Assert.Contains("To: casemanager@test.shelter", mail);
        Assert.Contains("From: shelter@test.shelter", mail);
    }

    [Fact]
    public async Task Without_an_SMTP_host_the_email_lands_in_the_pickup_folder()
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false);
        var sender = app.Services.GetRequiredService<IEmailSender>();

        await sender.SendAsync(new EmailMessage("manager@test.shelter", "Digest", "2 overdue"));

        var file = Assert.Single(Directory.GetFiles(Path.Combine(app.DataFolder, "mail-pickup"), "*.eml"));
        Assert.Contains("Subject: Digest", await File.ReadAllTextAsync(file));
    }
}
