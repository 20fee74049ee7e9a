namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// Runs every check at once, each under its own timeout, so the whole self-check takes as long as the slowest check's
/// timeout, not the sum. A check that overruns or throws is a failure of that check only.
/// </summary>
public sealed class SelfCheckRunner(TimeProvider time)
{
    /// <summary>Default for <c>SelfCheck:TimeoutSeconds</c>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    public async Task<SelfCheckReport> RunAsync(string site, IReadOnlyList<SelfCheckItem> items, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var started = time.GetUtcNow();
        var results = await Task.WhenAll(items.Select(item => RunOneAsync(item, timeout, cancellationToken)));
        return new SelfCheckReport(site, started, results);
    }

    private async Task<CheckResult> RunOneAsync(SelfCheckItem item, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        CheckOutcome outcome;
        try
        {
            // Off the caller's thread at once: a check that blocks before its first await must not hold up the others.
            // WaitAsync bounds even a check that ignores its token.
            outcome = await Task.Run(() => item.RunAsync(limit.Token), limit.Token).WaitAsync(timeout, time, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OperationCanceledException or TimeoutException)
        {
            outcome = CheckOutcome.Fail(SelfCheckTexts.TimedOut.Format(timeout.TotalSeconds), SelfCheckTexts.TimedOutHint);
        }
#pragma warning disable CA1031 // One broken check must not lose the report of the others.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            outcome = CheckOutcome.Fail(SelfCheckTexts.Crashed.Format(ex.GetType().Name, ex.Message.ReplaceLineEndings(" ")), SelfCheckTexts.CrashedHint);
        }

        var ms = (long)time.GetElapsedTime(start).TotalMilliseconds;
        return new CheckResult(item.Id, outcome.Status, outcome.Message, outcome.Hint, ms);
    }
}
