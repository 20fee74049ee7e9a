using System.Net;
using System.Net.Http;
using System.Security.Authentication;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// <c>collector</c>: each collector URL is tried with an HTTP/2 request (h2c on loopback, TLS with ALPN otherwise, trusting
/// <c>Collector:CaCertificate</c> when set): any HTTP answer proves TCP, TLS and HTTP/2 work. The outbox backlog (size and
/// oldest age) is always reported; FAIL when no collector answers, WARN when one does but data older than
/// <see cref="BacklogWarningAge"/> still waits.
/// </summary>
public static class CollectorCheck
{
    public const string Id = "collector";

    public static readonly TimeSpan BacklogWarningAge = TimeSpan.FromHours(1);

    public static async Task<CheckOutcome> RunAsync(SelfCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var now = context.Time.GetUtcNow();
        var backlog = context.LiveOutbox is { } live ? OutboxBacklog.FromLive(live) : OutboxBacklog.Read(options.Outbox.Directory);
        var backlogText = backlog.Describe(now);
        if (options.Collector.Urls.Count == 0)
        {
            return CheckOutcome.Fail(SelfCheckTexts.CollectorNotConfigured, SelfCheckTexts.ConfigInvalidHint);
        }

        var failures = new List<string>();
        foreach (var url in options.Collector.Urls)
        {
            var start = context.Time.GetTimestamp();
            var reason = await ProbeAsync(context, url, cancellationToken);
            if (reason is null)
            {
                var ms = (long)context.Time.GetElapsedTime(start).TotalMilliseconds;
                var host = LocalizedText.Same(url.Authority);
                var elapsed = LocalizedText.Same(ms.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return backlog.Oldest is { } oldest && now - oldest > BacklogWarningAge
                    ? CheckOutcome.Warn(SelfCheckTexts.CollectorBacklog.Format(host, elapsed, backlogText), SelfCheckTexts.CollectorBacklogHint)
                    : CheckOutcome.Ok(SelfCheckTexts.CollectorOk.Format(host, elapsed, backlogText));
            }

            failures.Add(options.Collector.Urls.Count == 1 ? reason : url.Authority + " " + reason);
        }

        return CheckOutcome.Fail(
            SelfCheckTexts.CollectorDown.Format(LocalizedText.Same(options.Collector.Urls[0].Authority), LocalizedText.Same(string.Join("; ", failures)), backlogText),
            SelfCheckTexts.CollectorDownHint);
    }

    /// <summary>Null when the collector answered over HTTP/2; otherwise a short reason (never the token).</summary>
    private static async Task<string?> ProbeAsync(SelfCheckContext context, Uri url, CancellationToken cancellationToken)
    {
        var trust = CertificateTrust.FromPemFiles(context.Options.Collector.CaCertificate);
        using var handler = new SocketsHttpHandler { ConnectTimeout = context.Timeout * 0.8 / context.Options.Collector.Urls.Count, UseProxy = false, AllowAutoRedirect = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => trust.Validate(certificate, chain, errors);
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, url)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return null;
        }
        catch (HttpRequestException) when (trust.Problem is not null)
        {
            return "TLS: " + trust.Problem;
        }
        catch (HttpRequestException ex) when (ex.InnerException is AuthenticationException)
        {
            return "TLS handshake failed";
        }
        catch (HttpRequestException ex)
        {
            return ServiceCheck.ShortReason(ex);
        }
    }
}
