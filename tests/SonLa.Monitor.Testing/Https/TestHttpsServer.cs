using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SonLa.Monitor.Testing.Https;

/// <summary>
/// A minimal real HTTPS/1.1 server on 127.0.0.1 (port 0, read back) presenting the certificate it is given and answering
/// every request with <see cref="StatusCode"/> and a short body. Stands in for government service sites in self-check tests.
/// </summary>
public sealed class TestHttpsServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly X509Certificate2 _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _requests;

    private TestHttpsServer(X509Certificate2 certificate, int statusCode)
    {
        _certificate = certificate;
        StatusCode = statusCode;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public int StatusCode { get; set; }

    /// <summary>Requests answered (a client that rejected the certificate never gets this far).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public string Url(string host = "127.0.0.1") => FormattableString.Invariant($"https://{host}:{Port}/");

    public static TestHttpsServer Start(X509Certificate2 certificate, int statusCode = 200) => new(certificate, statusCode);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificate,
                    ApplicationProtocols = [SslApplicationProtocol.Http11],
                }, _stop.Token);
                var buffer = new byte[8192];
                var seen = new StringBuilder();
                while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await tls.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                Interlocked.Increment(ref _requests);
                var response = FormattableString.Invariant($"HTTP/1.1 {StatusCode} Test\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
                await tls.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
                await tls.FlushAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is IOException or AuthenticationException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client refused our certificate or hung up: what some tests are about.
            }
        }
    }
}
