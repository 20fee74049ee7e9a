using System.Net;
using System.Net.Sockets;
using System.Text;
using SonLa.Monitor.Testing.Network;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.EndToEnd.Tests.Network;

/// <summary>The link the chaos tests cut: a TcpProxy in front of an echo server, over real loopback sockets.</summary>
public sealed class TcpProxyTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OpenLink_RelaysBothWays_AndAnOrderlyCloseTravelsOn()
    {
        await using var echo = new EchoServer();
        await using var proxy = TcpProxy.Start(echo.Port);
        using var client = await ConnectAsync(proxy);

        Assert.Equal("hello Sơn La", await RoundTripAsync(client, "hello Sơn La"));
        Assert.Equal(1, proxy.AcceptedConnections);
        Assert.Equal(1, echo.Connections);
        Assert.True(proxy.BytesForwarded >= 2 * Encoding.UTF8.GetByteCount("hello Sơn La"));

        client.Shutdown(SocketShutdown.Send);
        // The echo server sees our FIN through the proxy and closes; its FIN comes back as a clean end of stream.
        Assert.Equal(0, await ReceiveAsync(client, new byte[16]));
    }

    [Fact]
    public async Task ResetCut_ResetsOpenConnectionsAndNewOnes_UntilRestored()
    {
        await using var echo = new EchoServer();
        await using var proxy = TcpProxy.Start(echo.Port);
        using var before = await ConnectAsync(proxy);
        Assert.Equal("one", await RoundTripAsync(before, "one"));

        proxy.Cut(LinkCut.Reset);
        Assert.Equal(LinkCut.Reset, proxy.CurrentCut);
        await AssertResetAsync(before);

        // Refused while cut: the kernel completes the handshake, the proxy answers with a reset.
        await AssertRefusedAsync(proxy);
        Assert.Equal(1, echo.Connections);

        proxy.Restore();
        Assert.Null(proxy.CurrentCut);
        using var after = await ConnectAsync(proxy);
        Assert.Equal("two", await RoundTripAsync(after, "two"));
        Assert.True(proxy.ResetConnections >= 2);
    }

    [Fact]
    public async Task BlackholeCut_HoldsBytesSilently_ThenDeliversThemInOrderOnRestore()
    {
        await using var echo = new EchoServer();
        await using var proxy = TcpProxy.Start(echo.Port);
        using var client = await ConnectAsync(proxy);
        Assert.Equal("before", await RoundTripAsync(client, "before"));
        var echoedBefore = echo.BytesReceived;

        proxy.Cut(LinkCut.Blackhole);
        await SendAsync(client, "held-1 ");
        await SendAsync(client, "held-2");
        using var late = await ConnectAsync(proxy);
        await SendAsync(late, "late");

        // Silence, not a reset: nothing comes back and nothing reaches the server while the link is dead.
        var buffer = new byte[64];
        var pending = ReceiveAsync(client, buffer);
        var lateBuffer = new byte[64];
        var latePending = ReceiveAsync(late, lateBuffer);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(pending.IsCompleted, "a blackholed link answered");
        Assert.False(latePending.IsCompleted, "a connection made during the blackhole answered");
        Assert.Equal(echoedBefore, echo.BytesReceived);
        Assert.Equal(1, echo.Connections);

        proxy.Restore();
        var text = Encoding.UTF8.GetString(buffer, 0, await pending.WaitAsync(Deadline));
        while (text.Length < "held-1 held-2".Length)
        {
            var read = await ReceiveAsync(client, buffer).WaitAsync(Deadline);
            Assert.NotEqual(0, read);
            text += Encoding.UTF8.GetString(buffer, 0, read);
        }

        Assert.Equal("held-1 held-2", text);
        Assert.Equal("late", Encoding.UTF8.GetString(lateBuffer, 0, await latePending.WaitAsync(Deadline)));
        Assert.Equal(2, echo.Connections);
    }

    [Fact]
    public async Task BlackholeThenReset_DropsWhatWasHeld_AndTheLinkWorksAfterRestore()
    {
        await using var echo = new EchoServer();
        await using var proxy = TcpProxy.Start(echo.Port);
        using var client = await ConnectAsync(proxy);
        Assert.Equal("a", await RoundTripAsync(client, "a"));

        proxy.Cut(LinkCut.Blackhole);
        await SendAsync(client, "lost");
        proxy.Cut(LinkCut.Reset);
        await AssertResetAsync(client);

        proxy.Restore();
        using var again = await ConnectAsync(proxy);
        Assert.Equal("b", await RoundTripAsync(again, "b"));
        await Poll.UntilAsync(() => proxy.OpenConnections == 1, Deadline, "the reset relays to be gone");
    }

    [Fact]
    public async Task TargetDown_ClientIsReset()
    {
        int deadPort;
        await using (var gone = new EchoServer())
        {
            deadPort = gone.Port;
        }

        await using var proxy = TcpProxy.Start(deadPort);
        await AssertRefusedAsync(proxy);
        Assert.Equal(1, proxy.ResetConnections);
    }

    private static async Task<Socket> ConnectAsync(TcpProxy proxy)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, proxy.Port)).WaitAsync(Deadline);
        return socket;
    }

    private static async Task SendAsync(Socket socket, string text) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), SocketFlags.None);

    private static Task<int> ReceiveAsync(Socket socket, byte[] buffer) =>
        socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask();

    private static async Task<string> RoundTripAsync(Socket socket, string text)
    {
        await SendAsync(socket, text);
        var expected = Encoding.UTF8.GetByteCount(text);
        var buffer = new byte[expected];
        var got = 0;
        while (got < expected)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(got), SocketFlags.None).AsTask().WaitAsync(Deadline);
            Assert.NotEqual(0, read);
            got += read;
        }

        return Encoding.UTF8.GetString(buffer);
    }

    /// <summary>A new connection is reset: at once (the reset can beat the end of the handshake) or on first use.</summary>
    private static async Task AssertRefusedAsync(TcpProxy proxy)
    {
        Socket socket;
        try
        {
            socket = await ConnectAsync(proxy);
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused)
        {
            return;
        }

        using (socket)
        {
            await AssertResetAsync(socket);
        }
    }

    /// <summary>The connection ends with a reset, not an orderly close and not silence.</summary>
    private static async Task AssertResetAsync(Socket socket)
    {
        var error = await Assert.ThrowsAsync<SocketException>(async () =>
        {
            // The first read may still return bytes in flight; a reset shows on a later one (or on a send).
            var buffer = new byte[256];
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(Deadline);
                if (read == 0)
                {
                    await socket.SendAsync(new byte[] { 1 }, SocketFlags.None);
                    await Task.Delay(50);
                }
            }
        });
        Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);
    }
}
