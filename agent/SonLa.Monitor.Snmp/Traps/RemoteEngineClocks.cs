using System.Collections.Concurrent;

namespace SonLa.Monitor.Snmp.Traps;

/// <summary>
/// Our notion of each authoritative sender's snmpEngineBoots and snmpEngineTime (RFC 3414 2.3 and
/// 3.2 step 7b), so that an authenticated SNMPv3 trap older than the time window, a replay, is refused.
/// For traps the sender is the authoritative engine: we can only follow its clock, never set it.
/// </summary>
internal sealed class RemoteEngineClocks(TimeProvider time)
{
    /// <summary>Engines followed at most; only authenticated messages get here, so this is a safety cap.</summary>
    public const int MaxEngines = 4096;

    private readonly ConcurrentDictionary<string, Notion> _engines = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Updates our notion with an authenticated message's boots/time and says whether it is in the window.</summary>
    public bool InTimeWindow(ReadOnlySpan<byte> engineId, int boots, int engineTime)
    {
        var key = Convert.ToHexString(engineId);
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _engines.TryGetValue(key, out var known);
            var knownBoots = known?.Boots ?? 0;
            var knownTime = known is null ? 0 : known.EngineTime + (long)time.GetElapsedTime(known.ReceivedAt, now).TotalSeconds;

            // 7b1: a message newer than our notion moves it forward.
            if (boots > knownBoots || (boots == knownBoots && engineTime > (known?.LatestReceivedTime ?? 0)))
            {
                if (known is not null || _engines.Count < MaxEngines)
                {
                    _engines[key] = new Notion(boots, engineTime, engineTime, now);
                }

                knownBoots = boots;
                knownTime = engineTime;
            }

            // 7b2: outside the window when the engine is worn out, rebooted since, or the time is too old.
            return knownBoots != int.MaxValue
                   && boots >= knownBoots
                   && !(boots == knownBoots && engineTime < knownTime - LocalEngine.TimeWindowSeconds);
        }
    }

    private sealed record Notion(int Boots, int EngineTime, int LatestReceivedTime, long ReceivedAt);
}
