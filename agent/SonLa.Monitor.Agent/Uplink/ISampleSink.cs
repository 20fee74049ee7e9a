using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>Where jobs (polling, later traps and ping) put what they measured; never blocks on the network.</summary>
public interface ISampleSink
{
    void Write(IReadOnlyList<Point> points, IReadOnlyList<Event> events);
}
