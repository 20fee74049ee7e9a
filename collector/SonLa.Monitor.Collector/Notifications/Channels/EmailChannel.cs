using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SonLa.Monitor.Collector.Notifications.Channels;

/// <summary>
/// E-mail over SMTP (MailKit): subject = title, body = text (text/plain, UTF-8), one message to every <c>To</c>.
/// The server certificate is validated normally; <c>CaCertificate</c> adds a private CA as a trusted root.
/// </summary>
public sealed class EmailChannel : INotificationChannel
{
    public const int DefaultPort = 587;
    public const int DefaultSslOnConnectPort = 465;

    private readonly EmailSettings _settings;
    private readonly string _language;
    private readonly TimeSpan _timeout;
    private readonly X509Certificate2Collection? _privateRoots;

    public EmailChannel(string name, NotificationRoute route, string language, EmailSettings settings, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Name = name;
        Route = route;
        _language = language;
        _settings = settings;
        _timeout = timeout;
        if (!string.IsNullOrWhiteSpace(settings.CaCertificatePath))
        {
            _privateRoots = TryLoadRoots(settings.CaCertificatePath, out var roots)
                ? roots
                : throw new InvalidOperationException($"{settings.CaCertificatePath} holds no PEM certificate.");
        }
    }

    /// <summary>The certificates of a PEM file; false when it cannot be read or holds none.</summary>
    public static bool TryLoadRoots(string path, out X509Certificate2Collection roots)
    {
        roots = [];
        try
        {
            roots.ImportFromPemFile(path);
            return roots.Count > 0;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public string Name { get; }

    public string Type => NotificationChannelType.Email;

    public NotificationRoute Route { get; }

    public IReadOnlyList<string> Recipients { get; } = [""];

    public async Task<DeliveryResult> SendAsync(Notification notification, string recipient, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_settings.From));
        foreach (var to in _settings.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = NotificationText.Title(notification, _language);
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        message.Headers.Add("X-SonLa-Notification-Id", notification.Id);
        message.Body = new TextPart("plain") { Text = NotificationText.Body(notification, _language) };

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(_timeout);
        using var client = new SmtpClient { Timeout = (int)_timeout.TotalMilliseconds };
        if (_privateRoots is not null)
        {
            // Our own chain check against the private root below; an offline CA has no revocation list.
            client.CheckCertificateRevocation = false;
            client.ServerCertificateValidationCallback = ValidateWithPrivateRoots;
        }

        try
        {
            await client.ConnectAsync(_settings.Host, _settings.Port, Options(_settings.Security), timeoutSource.Token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_settings.Username))
            {
                await client.AuthenticateAsync(_settings.Username, _settings.Password ?? "", timeoutSource.Token).ConfigureAwait(false);
            }

            await client.SendAsync(message, timeoutSource.Token).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, timeoutSource.Token).ConfigureAwait(false);
            return DeliveryResult.Delivered(250);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Retry(FormattableString.Invariant($"no answer from the SMTP server within {_timeout.TotalSeconds:0} s"));
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            var error = FormattableString.Invariant($"SMTP {code}: {HttpDelivery.Excerpt(ex.Message)}");
            // 5xx replies are permanent (RFC 5321 section 4.2.1): the same message would be refused again.
            return code >= 500 ? DeliveryResult.Permanent(error, code) : DeliveryResult.Retry(error, code);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or System.Security.Authentication.AuthenticationException or MailKit.Security.AuthenticationException
                                       or SslHandshakeException or ServiceNotConnectedException or ServiceNotAuthenticatedException
                                       or NotSupportedException or SocketException or IOException or TimeoutException)
        {
            return DeliveryResult.Retry("SMTP: " + HttpDelivery.Excerpt(ex.Message));
        }
    }

    public string Redact(string text) => WebhookChannel.RedactValues(text, _settings.Password);

    private static SecureSocketOptions Options(EmailSecurity security) => security switch
    {
        EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        EmailSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    private bool ValidateWithPrivateRoots(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A wrong host name or no certificate is never excused; only "chain does not end at a system root" is,
        // and only if it ends at the configured private root.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_privateRoots!);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements.Skip(1))
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf);
    }
}
