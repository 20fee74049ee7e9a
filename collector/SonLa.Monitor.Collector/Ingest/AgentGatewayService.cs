using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Diagnostics;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>
/// The agents' stream. Answers:
/// <list type="bullet">
/// <item>BatchAck — every point of the batch is stored in InfluxDB (the agent may delete it). Answers
/// come as the writes complete, not necessarily in sequence order: match them by (boot_id, sequence).</item>
/// <item>BatchReject — some or all points will never be stored (invalid, or refused by InfluxDB);
/// the reason says how many were stored and why the rest were not. The batch is finished either way:
/// sending it again would give the same answer.</item>
/// <item>No answer, and the stream ends with <see cref="StatusCode.Unavailable"/> — InfluxDB is
/// unreachable; nothing of this batch is known to be stored. The agent reconnects (with backoff)
/// and resends its unacknowledged batches; rewrites are idempotent (same series and time overwrite).
/// A "retry-after" trailer (seconds) passes on InfluxDB's Retry-After when it sent one.</item>
/// </list>
/// </summary>
public sealed partial class AgentGatewayService : AgentGateway.AgentGatewayBase
{
    public const string RetryAfterTrailer = "retry-after";

    private readonly AgentAuthenticator _authenticator;
    private readonly WriteCoalescer _coalescer;
    private readonly SequenceAccounting _accounting;
    private readonly IBatchObserver[] _observers;
    private readonly ISitePresenceObserver[] _presence;
    private readonly StorageHealth _health;
    private readonly CollectorMetrics _metrics;
    private readonly IngestOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AgentGatewayService> _logger;
    private readonly LogThrottle _refusals;
    private readonly AgentSessions _sessions;

    public AgentGatewayService(AgentAuthenticator authenticator, WriteCoalescer coalescer, SequenceAccounting accounting,
        IEnumerable<IBatchObserver> observers, IEnumerable<ISitePresenceObserver> presence, StorageHealth health, CollectorMetrics metrics, IOptions<IngestOptions> options,
        TimeProvider time, ILogger<AgentGatewayService> logger, LogThrottle refusals, AgentSessions sessions)
    {
        ArgumentNullException.ThrowIfNull(options);
        _authenticator = authenticator;
        _coalescer = coalescer;
        _accounting = accounting;
        _observers = observers.ToArray();
        _presence = presence.ToArray();
        _health = health;
        _metrics = metrics;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _refusals = refusals;
        _sessions = sessions;
    }

    public override async Task Connect(IAsyncStreamReader<AgentMessage> requestStream,
        IServerStreamWriter<CollectorMessage> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;

        var siteId = _authenticator.Authenticate(AgentAuthenticator.BearerToken(context.RequestHeaders.GetValue("authorization")));
        if (siteId is null)
        {
            throw Refuse(context, StatusCode.Unauthenticated, "unknown or missing agent token (metadata 'authorization: Bearer <token>')");
        }

        try
        {
            if (!await ReadAsync(requestStream, siteId, cancellationToken))
            {
                return;
            }
        }
        catch (Exception ex) when (IsClientGone(ex, cancellationToken))
        {
            // Gone before saying Hello: nothing to log.
            return;
        }
        catch (Exception ex) when (ex is not RpcException and not OutOfMemoryException)
        {
            // As after Hello: one line for us, Internal for the agent (which reconnects), never a bare stack trace.
            CollectorLog.AgentStreamFailed(_logger, siteId, ex.GetType().Name, ex.Message.ReplaceLineEndings(" "));
            throw new RpcException(new Status(StatusCode.Internal, "collector error; reconnect and resend"));
        }

        if (requestStream.Current.KindCase != AgentMessage.KindOneofCase.Hello)
        {
            throw Refuse(context, StatusCode.InvalidArgument, "the first message of a stream must be Hello");
        }

        var hello = requestStream.Current.Hello;
        if (!string.Equals(hello.SiteId, siteId, StringComparison.Ordinal))
        {
            throw Refuse(context, StatusCode.PermissionDenied, $"this token may not write site '{hello.SiteId}'");
        }

        _metrics.AgentConnected();
        CollectorLog.AgentConnected(_logger, siteId, context.Peer, hello.AgentVersion, hello.BootId);
        TellPresence(siteId, (observer, at) => observer.OnConnected(siteId, hello, at));
        try
        {
            using var session = new Session(this, requestStream, responseStream, siteId, cancellationToken);
            await session.RunAsync();
        }
        catch (Exception ex) when (IsClientGone(ex, cancellationToken))
        {
            // The agent stopped or its link dropped (RST_STREAM, "The client reset the request stream"): routine, one
            // information line below, no stack trace. Unacknowledged batches are resent on the next stream.
        }
        catch (Exception ex) when (ex is not RpcException and not OutOfMemoryException)
        {
            // Anything else is ours to look at, in one line; the agent sees Internal and reconnects.
            CollectorLog.AgentStreamFailed(_logger, siteId, ex.GetType().Name, ex.Message.ReplaceLineEndings(" "));
            throw new RpcException(new Status(StatusCode.Internal, "collector error; reconnect and resend"));
        }
        finally
        {
            _metrics.AgentDisconnected();
            CollectorLog.AgentDisconnected(_logger, siteId);
            TellPresence(siteId, (observer, at) => observer.OnDisconnected(siteId, at));
        }
    }

    /// <summary>The agent went away: its stream was reset or the call aborted, not a fault of ours.</summary>
    private static bool IsClientGone(Exception ex, CancellationToken callToken) =>
        callToken.IsCancellationRequested
        || ex is IOException
        || (ex is RpcException rpc && rpc.StatusCode == StatusCode.Cancelled);

    /// <summary>Tells every observer of a stored batch; an observer's failure is logged, never the agent's problem.</summary>
    private void Notify(string siteId, SampleBatch batch, IReadOnlyList<LinePoint> points)
    {
        if (batch.Backfill)
        {
            _accounting.Backfilled(siteId, points.Count);
        }

        if (_observers.Length == 0)
        {
            return;
        }

        var ingested = new IngestedBatch(siteId, batch.BootId, batch.Sequence, batch.MergedSequences.ToArray(), batch.Backfill, points,
            _time.GetUtcNow());
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnBatchStored(ingested);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                CollectorLog.ObserverFailed(_logger, observer.GetType().Name, siteId, ex.GetType().Name, ex.Message.ReplaceLineEndings(" "));
            }
        }
    }

    /// <summary>Tells every presence observer; an observer's failure is logged, never the agent's problem.</summary>
    private void TellPresence(string siteId, Action<ISitePresenceObserver, DateTimeOffset> tell)
    {
        if (_presence.Length == 0)
        {
            return;
        }

        var at = _time.GetUtcNow();
        foreach (var observer in _presence)
        {
            try
            {
                tell(observer, at);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                CollectorLog.ObserverFailed(_logger, observer.GetType().Name, siteId, ex.GetType().Name, ex.Message.ReplaceLineEndings(" "));
            }
        }
    }

    private async Task<bool> ReadAsync(IAsyncStreamReader<AgentMessage> requestStream, string siteId, CancellationToken cancellationToken)
    {
        try
        {
            return await requestStream.MoveNext(cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
        {
            _metrics.OversizeMessage();
            CollectorLog.MessageTooLarge(_logger, siteId, ex.Status.Detail);
            throw;
        }
        catch (Exception ex) when (ex is InvalidDataException or Google.Protobuf.InvalidProtocolBufferException)
        {
            // Garbled gzip or protobuf from a broken or hostile client: one line and a count, not a stack trace.
            _metrics.MalformedMessage();
            CollectorLog.MessageMalformed(_logger, siteId, ex.Message.ReplaceLineEndings(" "));
            throw new RpcException(new Status(StatusCode.InvalidArgument, "malformed message: " + ex.Message.ReplaceLineEndings(" ")));
        }
    }

    private RpcException Refuse(ServerCallContext context, StatusCode code, string reason)
    {
        _metrics.AuthenticationFailed();
        // One line per client address and reason a minute: the metric counts every refusal.
        if (_refusals.ShouldLog(PeerHost(context.Peer) + "|" + code, out var suppressed))
        {
            CollectorLog.AgentRefused(_logger, context.Peer, reason, suppressed);
        }
        return new RpcException(new Status(code, reason));
    }

    // "ipv4:10.0.0.5:53122" / "ipv6:[::1]:53122" → the address without the port.
    private static string PeerHost(string peer)
    {
        var colon = peer.LastIndexOf(':');
        return colon > 0 ? peer[..colon] : peer;
    }

    private static RpcException Unavailable(SampleBatch batch, TimeSpan? retryAfter)
    {
        var trailers = new Metadata();
        if (retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            trailers.Add(RetryAfterTrailer, seconds.ToString(CultureInfo.InvariantCulture));
        }

        return new RpcException(new Status(StatusCode.Unavailable,
            $"storage unavailable: batch {batch.BootId}/{batch.Sequence} not stored; reconnect and resend it"), trailers);
    }
}
