using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Agent.Tests.Polling;

/// <summary>Scheduling only: the poll itself is a controllable stand-in, time is a FakeTimeProvider.</summary>
public class DevicePollLoopTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SlowPoll_NextTickSkippedAndCounted_NeverOverlaps()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var device = new DeviceOptions { Name = "slow", IntervalSeconds = 10 };
        var started = 0;
        var running = 0;
        var maxConcurrent = 0;
        var release = new TaskCompletionSource();
        async Task<DevicePollResult> PollAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref started);
            maxConcurrent = Math.Max(maxConcurrent, Interlocked.Increment(ref running));
            await release.Task.WaitAsync(ct);
            Interlocked.Decrement(ref running);
            return new DevicePollResult { Reachable = false, Time = time.GetUtcNow(), Monotonic = TimeSpan.Zero, Error = "test" };
        }

        var sink = new RecordingSink();
        var loop = new DevicePollLoop(device, PollAsync, new DeviceMonitor("s", "slow"), sink, time, NullLogger.Instance);
        using var cts = new CancellationTokenSource();
        var run = Task.Run(() => loop.RunAsync(cts.Token));
        await Poll.UntilAsync(() => Volatile.Read(ref started) == 1, Deadline, "first poll started");

        time.Advance(TimeSpan.FromSeconds(10));
        await Poll.UntilAsync(() => loop.SkippedTicks == 1, Deadline, "tick skipped");
        time.Advance(TimeSpan.FromSeconds(10));
        await Poll.UntilAsync(() => loop.SkippedTicks == 2, Deadline, "second tick skipped");
        Assert.Equal(1, Volatile.Read(ref started));

        release.SetResult();
        await Poll.UntilAsync(() => loop.CompletedPolls == 1, Deadline, "first poll completed");
        time.Advance(TimeSpan.FromSeconds(10));
        await Poll.UntilAsync(() => loop.CompletedPolls == 2, Deadline, "next tick polls again");
        await cts.CancelAsync();
        await run;

        Assert.Equal(1, maxConcurrent);
        Assert.Equal(2, loop.SkippedTicks);
        // Unreachable twice in a row: one event, not one per poll.
        Assert.Single(sink.Events, e => e.Kind == "unreachable");
    }

    [Fact]
    public async Task PollThrowing_LoggedAndLoopContinues()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var calls = 0;
        Task<DevicePollResult> PollAsync(CancellationToken ct)
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("boom");
            }

            return Task.FromResult(new DevicePollResult { Reachable = true, Time = time.GetUtcNow(), Monotonic = TimeSpan.FromSeconds(calls) });
        }

        var loop = new DevicePollLoop(new DeviceOptions { Name = "d", IntervalSeconds = 5 }, PollAsync, new DeviceMonitor("s", "d"), new RecordingSink(), time, NullLogger.Instance);
        using var cts = new CancellationTokenSource();
        var run = Task.Run(() => loop.RunAsync(cts.Token));
        await Poll.UntilAsync(() => Volatile.Read(ref calls) == 1, Deadline, "first call");
        time.Advance(TimeSpan.FromSeconds(5));
        await Poll.UntilAsync(() => loop.CompletedPolls == 1, Deadline, "second call completes");
        await cts.CancelAsync();
        await run;
    }
}
