using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SonLa.Monitor.Snmp.Ber;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Transport;

/// <summary>
/// An SNMP manager over UDP: one socket per address family, any number of requests in flight,
/// responses matched by request-id and sender. Each attempt waits <see cref="SnmpTarget.Timeout"/>;
/// the same message is retransmitted <see cref="SnmpTarget.Retries"/> times.
/// </summary>
public sealed partial class SnmpClient : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, PendingRequest> _pending = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _socketLock = new();
    private readonly List<Task> _receiveLoops = [];
    private Socket? _socketV4;
    private Socket? _socketV6;
    private int _nextRequestId;
    private long _requests;
    private long _retries;
    private long _timeouts;
    private long _malformed;
    private long _unmatched;

    public SnmpClient(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        // A random start makes a stale answer to a previous process's request unlikely to match.
        _nextRequestId = Random.Shared.Next(1, int.MaxValue / 2);
    }

    public SnmpClientStatistics Statistics => new(
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _retries),
        Interlocked.Read(ref _timeouts),
        Interlocked.Read(ref _malformed),
        Interlocked.Read(ref _unmatched));

    /// <summary>GET: values come back in request order; per-varbind exceptions stay values.</summary>
    public async Task<IReadOnlyList<VarBind>> GetAsync(SnmpTarget target, IReadOnlyList<ObjectIdentifier> oids, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(target, Pdu.GetRequest(oids), cancellationToken);
        ThrowIfError(target, response, oids);
        return response.VarBinds;
    }

    public async Task<IReadOnlyList<VarBind>> GetNextAsync(SnmpTarget target, IReadOnlyList<ObjectIdentifier> oids, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(target, Pdu.GetNextRequest(oids), cancellationToken);
        ThrowIfError(target, response, oids);
        return response.VarBinds;
    }

    public async Task<IReadOnlyList<VarBind>> GetBulkAsync(SnmpTarget target, int nonRepeaters, int maxRepetitions, IReadOnlyList<ObjectIdentifier> oids, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(target, Pdu.GetBulkRequest(nonRepeaters, maxRepetitions, oids), cancellationToken);
        ThrowIfError(target, response, oids);
        return response.VarBinds;
    }

    /// <summary>
    /// Sends <paramref name="pdu"/> (its request-id is replaced by a fresh one) and returns the
    /// Response PDU as received, error-status included.
    /// </summary>
    public async Task<Pdu> SendAsync(SnmpTarget target, Pdu pdu, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(pdu);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        if (target.Version is not (SnmpVersion.V1 or SnmpVersion.V2c or SnmpVersion.V3))
        {
            throw new NotSupportedException($"SNMP version {target.Version} is not supported.");
        }

        if (target.Version == SnmpVersion.V1 && pdu.Type == PduType.GetBulkRequest)
        {
            throw new ArgumentException("GETBULK does not exist in SNMPv1.", nameof(pdu));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(target.Retries, nameof(target));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(target.Timeout, TimeSpan.Zero, nameof(target));
        cancellationToken.ThrowIfCancellationRequested();
        if (target.Version == SnmpVersion.V3)
        {
            return await SendV3Async(target, pdu, cancellationToken);
        }

        var endPoint = Normalize(target.EndPoint);
        var socket = GetSocket(endPoint.AddressFamily);
        var pending = Register(endPoint, target.Version);
        try
        {
            var request = pdu.WithRequestId(pending.RequestId);
            var datagram = CommunityMessageCodec.Encode(new CommunityMessage(target.Version, target.CommunityBytes(), request), new BerWriter(256));
            return await ExchangeAsync(socket, datagram, endPoint, pending, target.Timeout, target.Retries, cancellationToken);
        }
        finally
        {
            _pending.TryRemove(pending.RequestId, out _);
        }
    }

    /// <summary>
    /// Sends <paramref name="datagram"/> and retransmits the same bytes until <paramref name="pending"/>
    /// completes or every attempt timed out.
    /// </summary>
    private async Task<Pdu> ExchangeAsync(Socket socket, byte[] datagram, IPEndPoint endPoint, PendingRequest pending, TimeSpan timeout, int retries, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        Interlocked.Increment(ref _requests);
        for (var attempt = 0; attempt <= retries; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref _retries);
            }

            await SendDatagramAsync(socket, datagram, endPoint, cancellationToken);
            try
            {
                return await pending.Response.Task.WaitAsync(timeout, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // This attempt timed out: retransmit the same message (same request-id),
                // unless the answer slipped in just as the timer fired.
                if (pending.Response.Task.IsCompleted)
                {
                    return await pending.Response.Task;
                }
            }
        }

        Interlocked.Increment(ref _timeouts);
        throw new SnmpTimeoutException(endPoint, timeout, retries, _time.GetElapsedTime(started), pending.RequestId);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        await _disposed.CancelAsync();
        lock (_socketLock)
        {
            _socketV4?.Dispose();
            _socketV6?.Dispose();
        }

        foreach (var pending in _pending.Values)
        {
            pending.Response.TrySetException(new ObjectDisposedException(nameof(SnmpClient)));
        }

        try
        {
            await Task.WhenAll(_receiveLoops);
        }
        catch (OperationCanceledException)
        {
            // The loops end by cancellation; nothing to report.
        }

        _disposed.Dispose();
    }

    internal static void ThrowIfError(SnmpTarget target, Pdu response, IReadOnlyList<ObjectIdentifier> requested)
    {
        if (response.ErrorStatus == ErrorStatus.NoError)
        {
            return;
        }

        var index = response.ErrorIndex;
        ObjectIdentifier? oid = index >= 1 && index <= requested.Count ? requested[index - 1]
            : index >= 1 && index <= response.VarBinds.Count ? response.VarBinds[index - 1].Oid
            : null;
        throw new SnmpErrorException(response.ErrorStatus, index, oid, target.EndPoint.ToString());
    }

    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    private PendingRequest Register(IPEndPoint endPoint, SnmpVersion version)
    {
        while (true)
        {
            var id = Interlocked.Increment(ref _nextRequestId) & int.MaxValue;
            if (id == 0)
            {
                continue;
            }

            var pending = new PendingRequest(id, endPoint, version);
            if (_pending.TryAdd(id, pending))
            {
                return pending;
            }
        }
    }

    private async Task SendDatagramAsync(Socket socket, byte[] datagram, IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendToAsync(datagram, SocketFlags.None, endPoint, cancellationToken);
        }
        catch (SocketException e)
        {
            throw new SnmpException($"Cannot send to {endPoint}: {e.Message}", e);
        }
        catch (ObjectDisposedException) when (_disposed.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(SnmpClient));
        }
    }

    private sealed class PendingRequest(int requestId, IPEndPoint endPoint, SnmpVersion version)
    {
        public int RequestId { get; } = requestId;

        public IPEndPoint EndPoint { get; } = endPoint;

        public SnmpVersion Version { get; } = version;

        public TaskCompletionSource<Pdu> Response { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>SNMPv3 only: what the answer must satisfy (keys, engine, level).</summary>
        public V3Expectation? V3 { get; set; }

        /// <summary>SNMPv3 only: the header of the message that completed <see cref="Response"/>.</summary>
        public V3Received? Received => _received;

        private V3Received? _received;

        /// <summary>Completes with the first answer only, its header recorded before anyone sees the PDU.</summary>
        public void Complete(Pdu pdu, V3Received received)
        {
            if (Interlocked.CompareExchange(ref _received, received, null) is null)
            {
                Response.TrySetResult(pdu);
            }
        }
    }
}
