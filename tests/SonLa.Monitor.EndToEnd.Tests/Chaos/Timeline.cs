using System.Globalization;
using System.Text;

namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>What the test did when, for its output and its failure messages.</summary>
public sealed class Timeline
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();

    public DateTimeOffset Mark(string what)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_lock)
        {
            _text.Append(CultureInfo.InvariantCulture, $"{now:HH:mm:ss.fff} (+{(now - _start).TotalSeconds,6:0.0} s) {what}\n");
        }

        return now;
    }

    public TimeSpan Elapsed => DateTimeOffset.UtcNow - _start;

    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }
}
