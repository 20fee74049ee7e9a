namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>The whole self-check of one site: every check in a stable order, and the worst status.</summary>
public sealed record SelfCheckReport(string Site, DateTimeOffset Time, IReadOnlyList<CheckResult> Checks)
{
    public CheckStatus Status => Checks.Count == 0 ? CheckStatus.Ok : Checks.Max(c => c.Status);

    /// <summary>0 all ok, 1 warnings, 2 failures (the documented exit codes).</summary>
    public int ExitCode => (int)Status;

    public int Count(CheckStatus status) => Checks.Count(c => c.Status == status);
}
