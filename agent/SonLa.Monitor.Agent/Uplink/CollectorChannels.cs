using Grpc.Net.Client;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>One gRPC channel per configured collector URL (failover order), disposed with the host.</summary>
public sealed class CollectorChannels : IDisposable
{
    private readonly List<GrpcChannel> _channels = [];

    public CollectorChannels(CollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var urls = options.Urls.Count > 0 ? options.Urls : [options.Url ?? throw new InvalidOperationException("Collector:Url is not set.")];
        var endpoints = new List<CollectorEndpoint>();
        foreach (var url in urls)
        {
            var channel = CollectorChannelFactory.Create(options.WithUrl(url));
            _channels.Add(channel);
            endpoints.Add(new CollectorEndpoint(url, new AgentGateway.AgentGatewayClient(channel)));
        }

        Endpoints = endpoints;
    }

    public IReadOnlyList<CollectorEndpoint> Endpoints { get; }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
