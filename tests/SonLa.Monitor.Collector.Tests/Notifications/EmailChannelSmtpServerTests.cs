using MimeKit;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Smtp;

namespace SonLa.Monitor.Collector.Tests.Notifications;

/// <summary>E-mail to a real SMTP server (Debian's aiosmtpd) that requires STARTTLS with a certificate from a test CA.</summary>
public sealed class EmailChannelSmtpServerTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("sonla-smtp");
    private TestCertificates _certificates = null!;
    private SmtpServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _certificates = TestCertificates.Create(_dir.Path);
        _smtp = await SmtpServer.StartAsync(_dir.Path, _certificates);
    }

    public Task DisposeAsync()
    {
        _smtp.Dispose();
        _dir.Dispose();
        return Task.CompletedTask;
    }

    private Dictionary<string, string?> Settings(string host, string? caCertificate) => new()
    {
        ["Notifications:Channels:0:Name"] = "province-it-mail",
        ["Notifications:Channels:0:Type"] = "email",
        ["Notifications:Channels:0:Host"] = host,
        ["Notifications:Channels:0:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Channels:0:Security"] = "StartTls",
        ["Notifications:Channels:0:From"] = "SonLa Monitor <sonla-monitor@sonla.example>",
        ["Notifications:Channels:0:To:0"] = "cntt@sonla.example",
        ["Notifications:Channels:0:To:1"] = "Trực ban <noc@sonla.example>",
        ["Notifications:Channels:0:CaCertificate"] = caCertificate,
    };

    [Fact]
    public async Task StartTls_WithThePrivateCa_MessageArrivesWithVietnameseIntact()
    {
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), Settings("localhost", _certificates.CaCertificatePath));

        harness.Dispatcher.Enqueue(Notifications.SiteBack());
        await harness.UntilSettledAsync("siteback-chieng-coi-1764254100", TimeSpan.FromSeconds(1));

        Assert.Equal(DeliveryState.Delivered, Assert.Single(harness.Store.Deliveries("siteback-chieng-coi-1764254100")).State);
        await Poll.UntilAsync(() => _smtp.Messages().Count == 1, TimeSpan.FromSeconds(30), "the message in the maildir");
        using var stream = new MemoryStream(_smtp.Messages()[0]);
        var message = await MimeMessage.LoadAsync(stream);
        Assert.Equal("Xã Chiềng Cơi: đã kết nối lại", message.Subject);
        Assert.Equal("Xã Chiềng Cơi: đã kết nối lại lúc 15:10\n14:02 mất điện (UPS chạy pin)\n14:35 mất kết nối WAN",
            message.TextBody?.ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Equal(["cntt@sonla.example", "noc@sonla.example"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Trực ban", message.To.Mailboxes.Last().Name);
        Assert.Equal("sonla-monitor@sonla.example", message.From.Mailboxes.Single().Address);
        Assert.Equal("siteback-chieng-coi-1764254100", message.Headers["X-SonLa-Notification-Id"]);
    }

    [Fact]
    public async Task ServerCertificateFromAnUnknownCa_Refused_NothingSent()
    {
        var other = TestCertificates.Create(Directory.CreateDirectory(_dir.File("other")).FullName, "Some Other CA");
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), Settings("localhost", other.CaCertificatePath));

        harness.Dispatcher.Enqueue(Notifications.LinkDown());
        await Poll.UntilAsync(() => harness.Store.Attempts("alert-42-firing").Count >= 1, TimeSpan.FromSeconds(30), "a failed attempt");

        var attempt = harness.Store.Attempts("alert-42-firing")[0];
        Assert.Equal("retry", attempt.Outcome);
        Assert.Contains("SMTP", attempt.Error, StringComparison.Ordinal);
        Assert.Empty(_smtp.Messages());
    }

    [Fact]
    public async Task HostNameNotInTheCertificate_Refused_EvenWithThePrivateCa()
    {
        var elsewhere = Directory.CreateDirectory(_dir.File("elsewhere")).FullName;
        var certificates = TestCertificates.Create(elsewhere, "SonLa Test CA 2", "mail.sonla.example");
        using var smtp = await SmtpServer.StartAsync(elsewhere, certificates);
        var settings = Settings("localhost", certificates.CaCertificatePath)
            .With("Notifications:Channels:0:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), settings);

        harness.Dispatcher.Enqueue(Notifications.LinkDown());
        await Poll.UntilAsync(() => harness.Store.Attempts("alert-42-firing").Count >= 1, TimeSpan.FromSeconds(30), "a failed attempt");

        Assert.Equal("retry", harness.Store.Attempts("alert-42-firing")[0].Outcome);
        Assert.Empty(smtp.Messages());
    }
}
