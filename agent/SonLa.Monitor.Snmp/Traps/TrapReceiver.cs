using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using SonLa.Monitor.Snmp.Pdus;

namespace SonLa.Monitor.Snmp.Traps;

/// <summary>
/// Listens for notifications on a UDP endpoint (IPv4, or IPv6 dual-stack on [::]). One loop reads the
/// socket and does only cheap work (source check, per-source token bucket) before a bounded queue;
/// a second loop decodes, authenticates, answers informs and hands notifications on. A flood is
/// therefore dropped and counted at the socket, and never blocks anyone else.
/// </summary>
public sealed class TrapReceiver : IDisposable
{
    private const int MaxDatagram = 65_535;

    private readonly Socket _socket;
    private readonly TrapProcessor _processor;
    private readonly TrapReceiverOptions _options;
    private readonly SourceRateLimiter _limiter;
    private readonly Channel<(byte[] Datagram, IPEndPoint Source)> _queue;

    public TrapReceiver(IPEndPoint listen, TrapProcessor processor, TrapReceiverOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(listen);
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _processor = processor;
        _options = options;
        _limiter = new SourceRateLimiter(options.MaxPerSecondPerSource, options.BurstPerSource, time);
        _queue = Channel.CreateBounded<(byte[], IPEndPoint)>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _socket = new Socket(listen.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (listen.AddressFamily == AddressFamily.InterNetworkV6 && listen.Address.Equals(IPAddress.IPv6Any))
            {
                _socket.DualMode = true;
            }

            _socket.Bind(listen);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public TrapReceiverStatistics Statistics { get; } = new();

    public TrapProcessor Processor => _processor;

    /// <summary>
    /// Receives until cancelled. <paramref name="onNotification"/> gets each accepted notification,
    /// <paramref name="onRejected"/> each dropped datagram, <paramref name="onIdle"/> is called when the
    /// queue has just been drained (a good moment to flush). All three run on the processing loop.
    /// </summary>
    public async Task RunAsync(Action<SnmpNotification> onNotification, Action<IPEndPoint, TrapRejection>? onRejected = null,
        Action? onIdle = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onNotification);
        var receive = Task.Run(() => ReceiveLoopAsync(onRejected, cancellationToken), CancellationToken.None);
        var process = Task.Run(() => ProcessLoopAsync(onNotification, onRejected, onIdle, cancellationToken), CancellationToken.None);
        try
        {
            await Task.WhenAll(receive, process).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public void Dispose() => _socket.Dispose();

    private async Task ReceiveLoopAsync(Action<IPEndPoint, TrapRejection>? onRejected, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxDatagram];
        EndPoint any = _socket.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                SocketReceiveFromResult result;
                try
                {
                    result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    // ICMP errors surface as receive errors on some platforms: keep listening, but never
                    // spin on a socket that keeps failing.
                    await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var from = Normalize((IPEndPoint)result.RemoteEndPoint);
                var rejection = Admit(from.Address);
                if (rejection == TrapRejection.None)
                {
                    if (_queue.Writer.TryWrite((buffer.AsSpan(0, result.ReceivedBytes).ToArray(), from)))
                    {
                        continue;
                    }

                    rejection = TrapRejection.QueueFull;
                }

                Statistics.Count(rejection);
                onRejected?.Invoke(from, rejection);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            _queue.Writer.TryComplete();
        }
    }

    private TrapRejection Admit(IPAddress source) =>
        _options.AcceptSource is { } accept && !accept(source) ? TrapRejection.UnknownSource
        : !_limiter.TryAcquire(source) ? TrapRejection.RateLimited
        : TrapRejection.None;

    private async Task ProcessLoopAsync(Action<SnmpNotification> onNotification, Action<IPEndPoint, TrapRejection>? onRejected,
        Action? onIdle, CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var item))
                {
                    var result = _processor.Process(item.Datagram, item.Source);
                    if (result.Reply is { } reply)
                    {
                        await ReplyAsync(reply, item.Source, cancellationToken).ConfigureAwait(false);
                        if (result.Notification is { PduType: PduType.InformRequest })
                        {
                            Statistics.InformAnswered();
                        }
                    }

                    Statistics.Count(result.Rejection);
                    if (result.Notification is { } notification)
                    {
                        onNotification(notification);
                    }
                    else
                    {
                        onRejected?.Invoke(item.Source, result.Rejection);
                    }
                }

                onIdle?.Invoke();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReplyAsync(byte[] reply, IPEndPoint to, CancellationToken cancellationToken)
    {
        try
        {
            await _socket.SendToAsync(reply, SocketFlags.None, to, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            // The sender will retry its inform; nothing to do here.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;
}
