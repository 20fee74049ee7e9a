using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>One collector URL of <c>Collector:Url</c>/<c>Collector:Urls</c> and the gRPC client for it.</summary>
public sealed record CollectorEndpoint(Uri Url, AgentGateway.AgentGatewayClient Client);
