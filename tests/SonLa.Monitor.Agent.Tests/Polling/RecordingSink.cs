using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Polling;

/// <summary>Keeps everything written, for assertions.</summary>
public sealed class RecordingSink : ISampleSink
{
    private readonly Lock _lock = new();
    private readonly List<Point> _points = [];
    private readonly List<Event> _events = [];

    public void Write(IReadOnlyList<Point> points, IReadOnlyList<Event> events)
    {
        lock (_lock)
        {
            _points.AddRange(points);
            _events.AddRange(events);
        }
    }

    public IReadOnlyList<Point> Points
    {
        get
        {
            lock (_lock)
            {
                return _points.ToList();
            }
        }
    }

    public IReadOnlyList<Event> Events
    {
        get
        {
            lock (_lock)
            {
                return _events.ToList();
            }
        }
    }
}
