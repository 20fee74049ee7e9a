using System.Net.Sockets;
using SonLa.Monitor.Snmp.Transport;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// <c>clock</c>: SNTP to every <c>SelfCheck:NtpServers</c> entry at once; the first answer in configuration order is
/// used. Offset above <see cref="WarnOffset"/> is WARN, above <see cref="FailOffset"/> FAIL (TLS and signatures break).
/// </summary>
public static class ClockCheck
{
    public const string Id = "clock";

    public static readonly TimeSpan WarnOffset = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan FailOffset = TimeSpan.FromSeconds(60);

    public static async Task<CheckOutcome> RunAsync(SelfCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var servers = context.Options.SelfCheck.NtpServers;
        if (servers.Count == 0)
        {
            return CheckOutcome.Warn(SelfCheckTexts.ClockNoServers, SelfCheckTexts.ClockNoServersHint);
        }

        var client = new SntpClient(context.Time);
        var answers = await Task.WhenAll(servers.Select(async server =>
        {
            try
            {
                var endPoint = await SnmpTarget.ParseEndPointAsync(server, SntpClient.DefaultPort, cancellationToken);
                return (Server: server, Offset: (TimeSpan?)await client.QueryOffsetAsync(endPoint, context.Timeout * 0.6, cancellationToken));
            }
            catch (Exception ex) when (ex is TimeoutException or SocketException or FormatException or ArgumentException)
            {
                return (Server: server, Offset: (TimeSpan?)null);
            }
        }));
        if (answers.FirstOrDefault(a => a.Offset is not null) is not { Offset: { } offset } answer)
        {
            return CheckOutcome.Warn(SelfCheckTexts.ClockNoAnswer.Format(string.Join(", ", servers)), SelfCheckTexts.ClockNoAnswerHint);
        }

        var seconds = Math.Abs(offset.TotalSeconds);
        return seconds > FailOffset.TotalSeconds ? CheckOutcome.Fail(SelfCheckTexts.ClockWrong.Format(seconds, answer.Server), SelfCheckTexts.ClockWrongHint)
            : seconds > WarnOffset.TotalSeconds ? CheckOutcome.Warn(SelfCheckTexts.ClockSkewed.Format(seconds, answer.Server), SelfCheckTexts.ClockSkewedHint)
            : CheckOutcome.Ok(SelfCheckTexts.ClockOk.Format(seconds, answer.Server));
    }
}
