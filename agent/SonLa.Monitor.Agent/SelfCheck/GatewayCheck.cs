using System.Net;
using SonLa.Monitor.Agent.Ping;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary><c>gateway</c>: the default gateway (or <c>SelfCheck:Gateway</c>) answers ICMP echo, sent with the agent's own ping code.</summary>
public static class GatewayCheck
{
    public const string Id = "gateway";

    public static async Task<CheckOutcome> RunAsync(SelfCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var configured = context.Options.SelfCheck.Gateway;
        var gateway = configured is { Length: > 0 } && IPAddress.TryParse(configured, out var address)
            ? address
            : DefaultGateway.Read(context.RouteTablePath);
        if (gateway is null)
        {
            return CheckOutcome.Fail(SelfCheckTexts.GatewayNoRoute, SelfCheckTexts.GatewayNoRouteHint);
        }

        var icmp = context.Icmp ?? new IcmpEchoClient(context.Time);
        PingResult result;
        try
        {
            // Three echoes spaced 200 ms, each waiting at most a quarter of the check's time: one lost packet is not an outage.
            result = await icmp.PingAsync(gateway, 3, context.Timeout / 4, cancellationToken);
        }
        catch (IcmpUnavailableException ex)
        {
            return CheckOutcome.Warn(SelfCheckTexts.PingUnavailable.Format(ex.Message), SelfCheckTexts.PingUnavailableHint);
        }

        return result.AverageRoundTripMilliseconds is { } rtt
            ? CheckOutcome.Ok(SelfCheckTexts.GatewayOk.Format(gateway, rtt))
            : CheckOutcome.Fail(SelfCheckTexts.GatewayNoAnswer.Format(gateway), SelfCheckTexts.GatewayNoAnswerHint);
    }
}
