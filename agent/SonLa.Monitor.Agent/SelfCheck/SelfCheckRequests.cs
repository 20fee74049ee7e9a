using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Agent.Uplink;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// The collector's <c>RunSelfCheck</c> requests: each accepted one runs <see cref="SelfCheckService.RunOnceAsync"/> (so a
/// run already in progress answers it), and the report reaches the collector through the outbox like a scheduled one.
/// At most one request per <see cref="MinInterval"/> is accepted: a self-check probes every device and service over a
/// link that may be a metered 4G modem, and a script or a nervous operator must not turn it into a flood. Refusals are
/// counted; the first after an accepted request is logged.
/// </summary>
public sealed class SelfCheckRequests(SelfCheckService selfCheck, TimeProvider time, ILogger<SelfCheckRequests> logger)
    : BackgroundService, ISelfCheckRequests
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(30);

    /// <summary>Request ids are the collector's; a longer one is cut before it reaches the log.</summary>
    public const int MaxRequestIdLength = 64;

    // One slot: an accepted request that finds one still waiting is answered by that one's run.
    private readonly Channel<string> _accepted = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly Lock _gate = new();
    private long? _lastAcceptedAt;
    private bool _refusalLogged;
    private long _acceptedCount;
    private long _refusedCount;
    private long _answeredCount;

    public long Accepted => Interlocked.Read(ref _acceptedCount);

    public long Refused => Interlocked.Read(ref _refusedCount);

    /// <summary>Self-checks finished for accepted requests (run or joined), their reports queued.</summary>
    public long Answered => Interlocked.Read(ref _answeredCount);

    public bool Request(string requestId)
    {
        var id = Printable(requestId);
        var now = time.GetTimestamp();
        bool accepted;
        bool logRefusal = false;
        long refused = 0;
        lock (_gate)
        {
            accepted = _lastAcceptedAt is not { } last || time.GetElapsedTime(last, now) >= MinInterval;
            if (accepted)
            {
                _lastAcceptedAt = now;
                _refusalLogged = false;
                Interlocked.Increment(ref _acceptedCount);
            }
            else
            {
                refused = Interlocked.Increment(ref _refusedCount);
                logRefusal = !_refusalLogged;
                _refusalLogged = true;
            }
        }

        if (!accepted)
        {
            if (logRefusal)
            {
                AgentLog.SelfCheckRequestRefused(logger, id, (int)MinInterval.TotalSeconds, refused);
            }

            return false;
        }

        AgentLog.SelfCheckRequested(logger, id);
        // False when one is already waiting to run: its report answers this request too.
        _accepted.Writer.TryWrite(id);
        return true;
    }

    public override void Dispose()
    {
        _accepted.Writer.TryComplete();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in _accepted.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await selfCheck.RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
                {
                    // One failed run must not end the service: the next request (or the schedule) tries again.
                    AgentLog.SelfCheckRequestFailed(logger, id, ex.GetType().Name, ex.Message.ReplaceLineEndings(" "));
                }

                Interlocked.Increment(ref _answeredCount);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The id as it may appear in a log line: printable, bounded.</summary>
    private static string Printable(string? requestId)
    {
        if (string.IsNullOrEmpty(requestId))
        {
            return "(none)";
        }

        var cut = requestId.Length > MaxRequestIdLength ? requestId[..MaxRequestIdLength] : requestId;
        return string.Concat(cut.Select(c => char.IsControl(c) ? '?' : c));
    }
}
