using System.Collections.Concurrent;
using System.Net;

namespace SonLa.Monitor.Snmp.Transport;

/// <summary>
/// Remembers, per agent endpoint, the largest GETBULK max-repetitions known to work, so a device that answered
/// tooBig (or dropped a large answer) gets smaller requests from then on: in this walk, the next walk and the next
/// poll (snmp_exporter#756: walks that only work with a smaller max-repetitions). Only ever lowers a limit.
/// </summary>
public sealed class BulkSizeAdvisor
{
    /// <summary>Bounds the memory a process polling many addresses can spend here.</summary>
    public const int MaxEndPoints = 65_536;

    private readonly ConcurrentDictionary<IPEndPoint, int> _limits = new();

    /// <summary>The max-repetitions to ask of <paramref name="endPoint"/>: <paramref name="requested"/>, or less if it failed before.</summary>
    public int Choose(IPEndPoint endPoint, int requested)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var wanted = Math.Max(1, requested);
        return _limits.TryGetValue(endPoint, out var limit) ? Math.Min(wanted, limit) : wanted;
    }

    /// <summary>The remembered limit of <paramref name="endPoint"/>, if any.</summary>
    public int? Limit(IPEndPoint endPoint) => _limits.TryGetValue(endPoint, out var limit) ? limit : null;

    /// <summary>
    /// A request of <paramref name="failedSize"/> failed (tooBig: <paramref name="divisor"/> 2; a lost answer: 4, one
    /// step further because each try costs a whole timeout). Returns the size to try next, or null at 1 already.
    /// </summary>
    public int? Reduce(IPEndPoint endPoint, int failedSize, int divisor = 2)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(divisor, 2);
        if (failedSize <= 1)
        {
            return null;
        }

        var next = Math.Max(1, failedSize / divisor);
        if (_limits.Count < MaxEndPoints || _limits.ContainsKey(endPoint))
        {
            _limits.AddOrUpdate(endPoint, next, (_, old) => Math.Min(old, next));
        }

        return next;
    }
}
