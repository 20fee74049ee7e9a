using System.Net;
using System.Net.Sockets;

namespace SonLa.Monitor.Testing.Network;

/// <summary>
/// A TCP relay on a free loopback port in front of a target, standing for the WAN link between an agent and the
/// collector: the test can <see cref="Cut"/> it (reset or blackhole) and <see cref="Restore"/> it.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private const int BufferBytes = 64 * 1024;

    private readonly IPEndPoint _target;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly HashSet<Relay> _relays = [];
    private readonly Task _accepting;
    private TaskCompletionSource _open = NewGate(open: true);
    private LinkCut? _cut;
    private long _accepted;
    private long _reset;
    private long _bytes;

    private TcpProxy(IPEndPoint target)
    {
        _target = target;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        // Port 0: the kernel picks a free port, so no race with another test choosing the same one.
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(128);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _accepting = AcceptLoopAsync();
    }

    public int Port { get; }

    /// <summary>"127.0.0.1:PORT".</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>The current cut, or null while the link is up.</summary>
    public LinkCut? CurrentCut
    {
        get
        {
            lock (_lock)
            {
                return _cut;
            }
        }
    }

    /// <summary>Connections accepted from clients since the start.</summary>
    public long AcceptedConnections => Interlocked.Read(ref _accepted);

    /// <summary>Connections ended with a reset by a <see cref="LinkCut.Reset"/> cut or an unreachable target.</summary>
    public long ResetConnections => Interlocked.Read(ref _reset);

    /// <summary>Bytes delivered, both directions.</summary>
    public long BytesForwarded => Interlocked.Read(ref _bytes);

    /// <summary>Number of relayed connections open now.</summary>
    public int OpenConnections
    {
        get
        {
            lock (_lock)
            {
                return _relays.Count;
            }
        }
    }

    public static TcpProxy Start(IPEndPoint target) => new(target ?? throw new ArgumentNullException(nameof(target)));

    /// <summary>A proxy to 127.0.0.1:<paramref name="targetPort"/>.</summary>
    public static TcpProxy Start(int targetPort) => new(new IPEndPoint(IPAddress.Loopback, targetPort));

    public void Cut(LinkCut how)
    {
        List<Relay> victims = [];
        lock (_lock)
        {
            _cut = how;
            if (how == LinkCut.Blackhole)
            {
                if (_open.Task.IsCompleted)
                {
                    _open = NewGate(open: false);
                }
            }
            else
            {
                victims.AddRange(_relays);
                // Held bytes of an earlier blackhole are gone with their connections; new ones are reset, not held.
                _open.TrySetResult();
            }
        }

        foreach (var relay in victims)
        {
            Interlocked.Increment(ref _reset);
            relay.Reset();
        }
    }

    /// <summary>The link is up again: held bytes flow on, new connections are relayed.</summary>
    public void Restore()
    {
        lock (_lock)
        {
            _cut = null;
            _open.TrySetResult();
        }
    }

    private static TaskCompletionSource NewGate(bool open)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open)
        {
            gate.SetResult();
        }

        return gate;
    }

    private Task WaitOpenAsync(CancellationToken cancellationToken)
    {
        Task gate;
        lock (_lock)
        {
            gate = _open.Task;
        }

        return gate.IsCompleted ? Task.CompletedTask : gate.WaitAsync(cancellationToken);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            Interlocked.Increment(ref _accepted);
            client.NoDelay = true;
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var relay = new Relay(client, _stop.Token);
        lock (_lock)
        {
            if (_cut == LinkCut.Reset)
            {
                Interlocked.Increment(ref _reset);
                relay.Reset();
                return;
            }

            _relays.Add(relay);
        }

        try
        {
            // A connection made during a blackhole hangs here, as a SYN into a dead link would.
            await WaitOpenAsync(relay.Token);
            try
            {
                await relay.Upstream.ConnectAsync(_target, relay.Token);
                relay.Upstream.NoDelay = true;
            }
            catch (SocketException)
            {
                // The target is down: the client learns it the hard way, as from a refusing server.
                Interlocked.Increment(ref _reset);
                relay.Reset();
                return;
            }

            await Task.WhenAll(PumpAsync(relay, client, relay.Upstream), PumpAsync(relay, relay.Upstream, client));
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            relay.Reset();
        }
        finally
        {
            lock (_lock)
            {
                _relays.Remove(relay);
            }

            relay.Dispose();
        }
    }

    private async Task PumpAsync(Relay relay, Socket from, Socket to)
    {
        var buffer = new byte[BufferBytes];
        try
        {
            while (true)
            {
                await WaitOpenAsync(relay.Token);
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, relay.Token);
                if (read == 0)
                {
                    // An orderly close travels on as one (FIN), after what was held is delivered.
                    await WaitOpenAsync(relay.Token);
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                // Bytes read just before a blackhole wait for the restore, like the rest.
                await WaitOpenAsync(relay.Token);
                var sent = 0;
                while (sent < read)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, relay.Token);
                }

                Interlocked.Add(ref _bytes, read);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // A reset on one side resets the other, as it would end to end.
            relay.Reset();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        List<Relay> relays;
        lock (_lock)
        {
            relays = [.. _relays];
            _open.TrySetResult();
        }

        foreach (var relay in relays)
        {
            relay.Reset();
        }

        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>One client connection and its upstream twin.</summary>
    private sealed class Relay(Socket client, CancellationToken stopping) : IDisposable
    {
        private readonly CancellationTokenSource _cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        private int _reset;

        public Socket Upstream { get; } = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        public CancellationToken Token => _cts.Token;

        /// <summary>Closes both sockets with RST (linger 0) and stops both pumps.</summary>
        public void Reset()
        {
            if (Interlocked.Exchange(ref _reset, 1) == 1)
            {
                return;
            }

            Abort(client);
            Abort(Upstream);
            try
            {
                _cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private static void Abort(Socket socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
            }

            socket.Dispose();
        }

        public void Dispose()
        {
            client.Dispose();
            Upstream.Dispose();
            _cts.Dispose();
        }
    }
}
