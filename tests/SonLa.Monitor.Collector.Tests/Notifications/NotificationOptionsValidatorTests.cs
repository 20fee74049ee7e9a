using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Tests.Notifications;

public sealed class NotificationOptionsValidatorTests
{
    private static List<string> Problems(Dictionary<string, string?> settings)
    {
        var result = new NotificationOptionsValidator().Validate(null, DispatcherHarness.Bind(settings));
        return result.Failures?.ToList() ?? [];
    }

    [Fact]
    public void NoChannels_Valid() => Assert.Empty(Problems([]));

    [Fact]
    public void EveryChannelType_ValidWhenComplete()
    {
        var settings = WebhookSettings.Webhook("https://hooks.example/noc").With(new Dictionary<string, string?>
        {
            ["Notifications:Channels:1:Name"] = "tg",
            ["Notifications:Channels:1:Type"] = "Telegram",
            ["Notifications:Channels:1:Token"] = "1:abc",
            ["Notifications:Channels:1:ChatIds:0"] = "-100",
            ["Notifications:Channels:2:Name"] = "zalo",
            ["Notifications:Channels:2:Type"] = "zalo",
            ["Notifications:Channels:2:AccessToken"] = "zalo-token",
            ["Notifications:Channels:2:UserIds:0"] = "123",
            ["Notifications:Channels:3:Name"] = "mail",
            ["Notifications:Channels:3:Type"] = "email",
            ["Notifications:Channels:3:Host"] = "smtp.sonla.example",
            ["Notifications:Channels:3:From"] = "monitor@sonla.example",
            ["Notifications:Channels:3:To:0"] = "it@sonla.example",
            ["Notifications:Channels:3:Language"] = "en",
            ["Notifications:Channels:3:MinSeverity"] = "Warning",
            ["Notifications:Channels:3:Kinds:0"] = "SiteBack",
        });
        Assert.Empty(Problems(settings));
    }

    [Theory]
    [InlineData("Type", "sms", "Notifications:Channels:0:Type: 'sms' is not one of webhook, telegram, zalo, email")]
    [InlineData("Url", "", "Notifications:Channels:0:Url: must be an http:// or https:// URL")]
    [InlineData("Url", "ftp://x/y", "Notifications:Channels:0:Url: must be an absolute http:// or https:// URL")]
    [InlineData("Secret", "", "Notifications:Channels:0:Secret: must not be empty")]
    [InlineData("MinSeverity", "Urgent", "Notifications:Channels:0:MinSeverity: 'Urgent' is not one of Info, Warning, Critical")]
    [InlineData("MinSeverity", "2", "Notifications:Channels:0:MinSeverity: '2' is not one of Info, Warning, Critical")]
    [InlineData("Kinds:0", "Storm", "Notifications:Channels:0:Kinds:0: 'Storm' is not one of Firing, Resolved, Flapping, Reminder, SiteBack, Rollup")]
    [InlineData("Language", "fr", "Notifications:Channels:0:Language: 'fr' is not one of vi, en")]
    [InlineData("Name", "", "Notifications:Channels:0:Name: must not be empty")]
    public void BadValue_NamedByItsKey(string key, string value, string expected)
    {
        var problems = Problems(WebhookSettings.Webhook("https://hooks.example/noc").With("Notifications:Channels:0:" + key, value));
        Assert.Contains(expected, problems);
    }

    [Fact]
    public void EmailWithoutTls_OnlyForLoopback()
    {
        Dictionary<string, string?> Mail(string host) => new()
        {
            ["Notifications:Channels:0:Name"] = "mail",
            ["Notifications:Channels:0:Type"] = "email",
            ["Notifications:Channels:0:Host"] = host,
            ["Notifications:Channels:0:Security"] = "None",
            ["Notifications:Channels:0:From"] = "monitor@sonla.example",
            ["Notifications:Channels:0:To:0"] = "it@sonla.example",
        };

        Assert.Contains("Notifications:Channels:0:Security: None (no TLS) is allowed for a loopback Host only; use StartTls or SslOnConnect",
            Problems(Mail("smtp.sonla.example")));
        Assert.Empty(Problems(Mail("127.0.0.1")));
        Assert.Empty(Problems(Mail("localhost")));
    }

    [Fact]
    public void EmailMissingEverything_EveryProblemAtOnce()
    {
        var problems = Problems(new Dictionary<string, string?>
        {
            ["Notifications:Channels:0:Name"] = "mail",
            ["Notifications:Channels:0:Type"] = "email",
            ["Notifications:Channels:0:Username"] = "monitor",
            ["Notifications:Channels:0:Security"] = "Tls13",
            ["Notifications:Channels:0:CaCertificate"] = "/nonexistent/ca.pem",
        });
        Assert.Contains("Notifications:Channels:0:Host: must name the SMTP server", problems);
        Assert.Contains("Notifications:Channels:0:Password: must be set when Username is", problems);
        Assert.Contains("Notifications:Channels:0:From: must be an e-mail address", problems);
        Assert.Contains("Notifications:Channels:0:To: must list at least one address", problems);
        Assert.Contains("Notifications:Channels:0:Security: 'Tls13' is not one of StartTls, SslOnConnect, None", problems);
        Assert.Contains("Notifications:Channels:0:CaCertificate: file '/nonexistent/ca.pem' not found", problems);
    }

    [Fact]
    public void CaCertificate_NotAPemCertificate_Refused()
    {
        using var dir = new Testing.TempDirectory("sonla-notify");
        File.WriteAllText(dir.File("ca.pem"), "not a certificate");
        var problems = Problems(new Dictionary<string, string?>
        {
            ["Notifications:Channels:0:Name"] = "mail",
            ["Notifications:Channels:0:Type"] = "email",
            ["Notifications:Channels:0:Host"] = "smtp.sonla.example",
            ["Notifications:Channels:0:From"] = "monitor@sonla.example",
            ["Notifications:Channels:0:To:0"] = "it@sonla.example",
            ["Notifications:Channels:0:CaCertificate"] = dir.File("ca.pem"),
        });
        Assert.Equal([$"Notifications:Channels:0:CaCertificate: file '{dir.File("ca.pem")}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)"], problems);
    }

    [Fact]
    public void TelegramAndZalo_NeedTheirTokensAndRecipients()
    {
        var problems = Problems(new Dictionary<string, string?>
        {
            ["Notifications:Channels:0:Name"] = "tg",
            ["Notifications:Channels:0:Type"] = "telegram",
            ["Notifications:Channels:1:Name"] = "zl",
            ["Notifications:Channels:1:Type"] = "zalo",
            ["Notifications:Channels:1:BaseUrl"] = "not a url",
        });
        Assert.Contains("Notifications:Channels:0:Token: must not be empty", problems);
        Assert.Contains("Notifications:Channels:0:ChatIds: must list at least one Telegram chat id", problems);
        Assert.Contains("Notifications:Channels:1:AccessToken: must not be empty", problems);
        Assert.Contains("Notifications:Channels:1:BaseUrl: must be an absolute http:// or https:// URL", problems);
    }

    [Fact]
    public void DuplicateNames_AndRanges()
    {
        var problems = Problems(WebhookSettings.Webhook("https://a.example/x")
            .With(WebhookSettings.Webhook("https://b.example/y", 1))
            .With("Notifications:RetryInitialSeconds", "0")
            .With("Notifications:GiveUpAfterHours", "0"));
        Assert.Contains("Notifications:Channels:1:Name: 'noc-hook' is already used by Notifications:Channels:0", problems);
        Assert.Contains("Notifications:RetryInitialSeconds: must be between 1 and 3600", problems);
        Assert.Contains("Notifications:GiveUpAfterHours: must be between 1 and 720", problems);
    }

    [Fact]
    public void Secrets_NeverInTheProblems()
    {
        var problems = Problems(WebhookSettings.Webhook("ftp://hooks.example/T0KEN-in-url"));
        Assert.NotEmpty(problems);
        Assert.All(problems, p =>
        {
            Assert.DoesNotContain(WebhookSettings.Secret, p, StringComparison.Ordinal);
            Assert.DoesNotContain("T0KEN", p, StringComparison.Ordinal);
        });
    }
}
