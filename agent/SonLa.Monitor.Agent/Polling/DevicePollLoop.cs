using Microsoft.Extensions.Logging;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Agent.Uplink;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// One device's schedule: a poll now, then one per interval on the <see cref="TimeProvider"/>. A poll never overlaps
/// itself: a tick that finds the previous poll still running is skipped and counted. Polls of different devices
/// run in their own loops, so a dead device never delays another.
/// </summary>
public sealed class DevicePollLoop(
    DeviceOptions device,
    Func<CancellationToken, Task<DevicePollResult>> poll,
    DeviceMonitor monitor,
    ISampleSink sink,
    TimeProvider time,
    ILogger logger,
    PollingCounters? counters = null)
{
    private readonly PollingCounters _counters = counters ?? new PollingCounters();
    private bool _refusalReported;
    private bool _failing;
    private string? _failureKind;
    private long _skipped;
    private long _completed;

    public DeviceOptions Device => device;

    public long SkippedTicks => Interlocked.Read(ref _skipped);

    public long CompletedPolls => Interlocked.Read(ref _completed);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(device.Interval, time);
        Task running = Task.CompletedTask;
        try
        {
            do
            {
                if (!running.IsCompleted)
                {
                    _counters.TickSkipped();
                    AgentLog.PollSkipped(logger, device.Name, Interlocked.Increment(ref _skipped));
                    continue;
                }

                running = PollOnceAsync(cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        try
        {
            await running;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One poll, its points and events handed to the sink; never throws for a device problem.</summary>
    public async Task<PollOutput?> PollOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await poll(cancellationToken);
            var output = monitor.Process(result);
            sink.Write(output.Points, output.Events);
            Report(result, output);
            Interlocked.Increment(ref _completed);
            _counters.PollDone();
            return output;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            AgentLog.PollCrashed(logger, device.Name, ex);
            return null;
        }
    }

    private void Report(DevicePollResult result, PollOutput output)
    {
        if (!result.Reachable)
        {
            // One line when the device starts failing or the cause changes (a timeout becoming a wrong digest), not per poll.
            if (!_failing || !string.Equals(_failureKind, result.FailureKind, StringComparison.Ordinal))
            {
                if (result.FailureKind?.StartsWith("usm:", StringComparison.Ordinal) == true)
                {
                    AgentLog.DeviceSnmpV3Failure(logger, device.Name, result.Error ?? "SNMPv3 failure");
                }
                else
                {
                    AgentLog.DeviceUnreachable(logger, device.Name, result.Error ?? "no answer");
                }
            }

            _failing = true;
            _failureKind = result.FailureKind;
        }
        else
        {
            _failing = false;
            _failureKind = null;
        }

        if (output.BecameReachable == true)
        {
            AgentLog.DeviceReachable(logger, device.Name);
        }

        if (output.Rebooted)
        {
            AgentLog.DeviceRebooted(logger, device.Name);
        }

        foreach (var power in output.Events)
        {
            if (power.Kind == UpsMonitor.KindPowerLost)
            {
                AgentLog.UpsPowerLost(logger, device.Name, power.Message);
            }
            else if (power.Kind == UpsMonitor.KindPowerRestored)
            {
                AgentLog.UpsPowerRestored(logger, device.Name, power.Message);
            }
        }

        if (result.Reachable && result.Partial && result.Error is { } error)
        {
            AgentLog.PartialPoll(logger, device.Name, error);
        }

        foreach (var (outcome, count) in output.RefusedRates)
        {
            _counters.RatesRefused(count);
            // Once per device at warning level (a wrong ifSpeed would otherwise warn every poll); counted always.
            if (outcome is RateOutcome.AboveSpeed or RateOutcome.AmbiguousWrap && !_refusalReported)
            {
                _refusalReported = true;
                AgentLog.RatesRefused(logger, device.Name, count, outcome.ToString());
            }
        }
    }
}
