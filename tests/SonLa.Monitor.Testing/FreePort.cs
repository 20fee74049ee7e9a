using System.Net;
using System.Net.Sockets;

namespace SonLa.Monitor.Testing;

/// <summary>Ports found by binding port 0 and reading it back, so parallel runs never collide on a fixed port.</summary>
public static class FreePort
{
    public static int Udp(IPAddress? address = null)
    {
        using var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address ?? IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public static int Tcp(IPAddress? address = null)
    {
        var listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>A port free for both UDP and TCP (snmpd can serve both).</summary>
    public static int UdpAndTcp()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Udp();
            try
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                listener.Stop();
                return port;
            }
            catch (SocketException)
            {
                // Taken for TCP: try another.
            }
        }

        throw new InvalidOperationException("No port free for both UDP and TCP on 127.0.0.1.");
    }
}
