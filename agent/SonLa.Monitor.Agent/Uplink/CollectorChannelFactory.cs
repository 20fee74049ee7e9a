using System.Net;
using Grpc.Net.Client;
using SonLa.Monitor.Agent.Configuration;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>The gRPC channel to the collector: h2c for a loopback http:// URL, otherwise TLS trusting the configured CA or the system store.</summary>
public static class CollectorChannelFactory
{
    public const int MaxReceiveMessageBytes = 4 * 1024 * 1024;

    public const int MaxSendMessageBytes = 64 * 1024 * 1024;

    public static GrpcChannel Create(CollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = options.Url ?? throw new InvalidOperationException("Collector:Url is not set.");
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            // A dead WAN link must break the stream within about a minute, not hang it for hours.
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = DecompressionMethods.None,
        };

        if (url.Scheme == Uri.UriSchemeHttps && options.CaCertificate is { } caPath)
        {
            var roots = CollectorCertificateValidator.LoadRoots(caPath);
            handler.SslOptions.RemoteCertificateValidationCallback = CollectorCertificateValidator.Create(roots);
        }

        return GrpcChannel.ForAddress(url, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = MaxReceiveMessageBytes,
            MaxSendMessageSize = MaxSendMessageBytes,
        });
    }
}
