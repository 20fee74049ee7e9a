using System.Globalization;
using System.Net.Http;
using System.Security.Authentication;
using SonLa.Monitor.Agent.Configuration;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// <c>service:NAME</c>: an HTTPS GET of a configured service URL with its latency; a certificate that does not validate
/// is FAIL, one expiring within <see cref="ExpiryWarningDays"/> days WARN, an HTTP 5xx answer WARN (the service, not the link).
/// </summary>
public static class ServiceCheck
{
    public const int ExpiryWarningDays = 14;

    public static string IdOf(SelfCheckServiceOptions service) => "service:" + service?.Name;

    public static async Task<CheckOutcome> RunAsync(SelfCheckContext context, SelfCheckServiceOptions service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(service);
        var trust = CertificateTrust.FromPemFiles(context.Options.SelfCheck.CaCertificate, service.CaCertificate);
        using var handler = new SocketsHttpHandler
        {
            ConnectTimeout = context.Timeout * 0.8,
            AllowAutoRedirect = true,
            UseProxy = false,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => trust.Validate(certificate, chain, errors);
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var start = context.Time.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(service.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var ms = (long)context.Time.GetElapsedTime(start).TotalMilliseconds;
            var code = (int)response.StatusCode;
            if (code >= 500)
            {
                return CheckOutcome.Warn(SelfCheckTexts.ServiceHttpError.Format(service.Name, code, ms), SelfCheckTexts.ServiceHttpErrorHint);
            }

            if (trust.NotAfter is { } notAfter)
            {
                var days = (int)Math.Floor((notAfter - context.Time.GetUtcNow()).TotalDays);
                if (days < ExpiryWarningDays)
                {
                    return CheckOutcome.Warn(
                        SelfCheckTexts.ServiceCertificateExpiring.Format(service.Name, days, notAfter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        SelfCheckTexts.ServiceCertificateExpiringHint);
                }

                return CheckOutcome.Ok(SelfCheckTexts.ServiceOk.Format(service.Name, ms, code, days));
            }

            // Plain http: nothing to say about a certificate.
            return CheckOutcome.Ok(SelfCheckTexts.ServiceOk.Format(service.Name, ms, code, "-"));
        }
        catch (HttpRequestException ex) when (trust.Problem is not null || ex.InnerException is AuthenticationException)
        {
            return CheckOutcome.Fail(SelfCheckTexts.ServiceCertificateInvalid.Format(service.Name, trust.Problem ?? ex.InnerException!.Message),
                SelfCheckTexts.ServiceCertificateInvalidHint);
        }
        catch (HttpRequestException ex)
        {
            return CheckOutcome.Fail(SelfCheckTexts.ServiceUnreachable.Format(service.Name, ShortReason(ex)), SelfCheckTexts.ServiceUnreachableHint);
        }
    }

    internal static string ShortReason(HttpRequestException ex) =>
        ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "name not resolved",
            HttpRequestError.ConnectionError => (ex.InnerException as System.Net.Sockets.SocketException)?.SocketErrorCode.ToString() ?? "connection failed",
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            _ => ex.HttpRequestError.ToString(),
        };
}
