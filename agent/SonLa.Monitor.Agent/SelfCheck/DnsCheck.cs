using System.Net;
using System.Net.Sockets;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary><c>dns</c>: every host name the agent needs (collector, services, NTP servers, devices given by name) resolves.</summary>
public static class DnsCheck
{
    public const string Id = "dns";

    public static IReadOnlyList<string> NamesToResolve(SelfCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var hosts = options.Collector.Urls.Select(u => u.Host)
            .Concat(options.SelfCheck.Services.Select(s => Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) ? uri.Host : ""))
            .Concat(options.SelfCheck.NtpServers.Select(n => Configuration.HostAndPort.TryParse(n, 123, out var h) ? h.Host : ""))
            .Concat(options.Devices.Select(d => d.Endpoint.Host));
        return hosts.Where(h => h.Length > 0 && !IPAddress.TryParse(h.Trim('[', ']'), out _))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static async Task<CheckOutcome> RunAsync(SelfCheckContext context, CancellationToken cancellationToken)
    {
        var names = NamesToResolve(context);
        if (names.Count == 0)
        {
            return CheckOutcome.Ok(SelfCheckTexts.DnsNothing);
        }

        var start = context.Time.GetTimestamp();
        var results = await Task.WhenAll(names.Select(async name =>
        {
            try
            {
                var addresses = await Dns.GetHostAddressesAsync(name, cancellationToken);
                return (Name: name, Ok: addresses.Length > 0);
            }
            catch (SocketException)
            {
                return (Name: name, Ok: false);
            }
        }));
        var failed = results.Where(r => !r.Ok).Select(r => r.Name).ToList();
        var ms = (long)context.Time.GetElapsedTime(start).TotalMilliseconds;
        if (failed.Count == 0)
        {
            return CheckOutcome.Ok(SelfCheckTexts.DnsOk.Format(names.Count, ms));
        }

        return failed.Count == names.Count
            ? CheckOutcome.Fail(SelfCheckTexts.DnsFail.Format(string.Join(", ", failed)), SelfCheckTexts.DnsHint)
            : CheckOutcome.Warn(SelfCheckTexts.DnsPartial.Format(names.Count - failed.Count, string.Join(", ", failed)), SelfCheckTexts.DnsHint);
    }
}
