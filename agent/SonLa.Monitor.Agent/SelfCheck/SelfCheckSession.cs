using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Snmp.Transport;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>One whole self-check of a configuration: plan, run in parallel, report. Used by the command, <c>run</c> and the bench.</summary>
public static class SelfCheckSession
{
    public static async Task<SelfCheckReport> RunAsync(AgentOptions options, TimeProvider time, IOutbox? liveOutbox, CancellationToken cancellationToken,
        Func<SelfCheckContext, SelfCheckContext>? adjust = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var snmp = new SnmpClient(time);
        var context = new SelfCheckContext
        {
            Options = options,
            Time = time,
            Snmp = snmp,
            Timeout = options.SelfCheck.Timeout,
            LiveOutbox = liveOutbox,
        };
        context = adjust?.Invoke(context) ?? context;
        return await new SelfCheckRunner(time).RunAsync(options.Site.Id, SelfCheckPlan.For(context), context.Timeout, cancellationToken);
    }

    /// <summary>A report holding only the failed config check (agent.json missing or invalid: nothing else can be checked).</summary>
    public static SelfCheckReport InvalidConfiguration(string site, IReadOnlyList<string> errors, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var outcome = ConfigCheck.Invalid(errors);
        return new SelfCheckReport(site, time.GetUtcNow(), [new CheckResult(ConfigCheck.Id, outcome.Status, outcome.Message, outcome.Hint, 0)]);
    }
}
