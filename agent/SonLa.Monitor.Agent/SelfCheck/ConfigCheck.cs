using SonLa.Monitor.Agent.Configuration;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// <c>config</c>: agent.json is valid (else FAIL with the first error and nothing else can be checked), and the agent
/// service runs. "Runs" is judged from the outbox folder of this very configuration: the running agent writes a status
/// point into it every minute, so nothing written for <see cref="StoppedAfter"/> means no agent is running with it.
/// </summary>
public static class ConfigCheck
{
    public const string Id = "config";

    public static readonly TimeSpan StoppedAfter = TimeSpan.FromMinutes(3);

    public static CheckOutcome Invalid(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var shown = errors.Count == 1 ? errors[0] : $"{errors[0]} (+{errors.Count - 1})";
        return CheckOutcome.Fail(SelfCheckTexts.ConfigInvalid.Format(shown), SelfCheckTexts.ConfigInvalidHint);
    }

    public static Task<CheckOutcome> RunAsync(SelfCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.LiveOutbox is not null)
        {
            return Task.FromResult(CheckOutcome.Ok(SelfCheckTexts.ConfigOkInAgent));
        }

        var backlog = OutboxBacklog.Read(context.Options.Outbox.Directory);
        if (backlog.LastWrite is not { } lastWrite)
        {
            return Task.FromResult(CheckOutcome.Warn(SelfCheckTexts.AgentNeverRan, SelfCheckTexts.AgentStoppedHint));
        }

        var idle = context.Time.GetUtcNow() - lastWrite;
        return Task.FromResult(idle > StoppedAfter
            ? CheckOutcome.Warn(SelfCheckTexts.AgentStopped.Format(Math.Floor(idle.TotalMinutes)), SelfCheckTexts.AgentStoppedHint)
            : CheckOutcome.Ok(SelfCheckTexts.ConfigOk.Format(Math.Max(0, Math.Floor(idle.TotalSeconds)))));
    }

    /// <summary>The config check's id for configuration problems found before any check could be planned.</summary>
    public static SelfCheckItem InvalidItem(AgentOptionsResult loaded) =>
        new(Id, _ => Task.FromResult(Invalid(loaded?.Errors ?? [])));
}
