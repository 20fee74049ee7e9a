using System.Collections.Concurrent;

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>
/// Per-site accounting of the (boot_id, sequence) names of batches, for <c>/metrics</c>.
/// <list type="bullet">
/// <item><b>duplicate</b>: a batch arrives whose name was already answered (acknowledged or
/// rejected) since the collector started — a lost ack or a replay from the agent's outbox. Harmless
/// (rewrites are idempotent), but counted. A resend after an unanswered attempt (InfluxDB was down)
/// is not a duplicate.</item>
/// <item><b>missing</b> (gauge): sequence numbers of a remembered boot, between the lowest and the
/// highest answered, not answered (yet). Batches arrive out of order (priority lanes, backlog next to
/// live data), so a hole here may still be filled: the gauge falls as the backlog drains.</item>
/// <item><b>gaps</b> (counter): holes given up for lost. Without word from the agent that it holds
/// nothing older, a hole is given up only when it can no longer be tracked: its boot is forgotten
/// (<see cref="MaxBootsPerSite"/> newer boots of the site were seen) or the boot has more than
/// <see cref="SequenceSet.MaxIntervals"/> holes (the oldest is given up).</item>
/// </list>
/// Nothing is said below the lowest number seen of a boot (the collector may have restarted since
/// the agent's earlier batches). Memory: configured sites × <see cref="MaxBootsPerSite"/> × 64 intervals.
/// </summary>
public sealed class SequenceAccounting
{
    public const int MaxBootsPerSite = 4;

    private readonly ConcurrentDictionary<string, Site> _sites = new(StringComparer.Ordinal);

    /// <summary>Counts a received batch; true when its name was already answered (a duplicate).</summary>
    public bool Received(string siteId, string bootId, ulong sequence)
    {
        var site = For(siteId);
        lock (site)
        {
            site.Received++;
            var duplicate = site.Find(bootId) is { } set && set.Contains(sequence);
            if (duplicate)
            {
                site.Duplicates++;
            }

            return duplicate;
        }
    }

    /// <summary>The batch was answered (stored, or rejected for good): its number is no longer missing.</summary>
    public void Answered(string siteId, string bootId, ulong sequence)
    {
        var site = For(siteId);
        lock (site)
        {
            site.FindOrAdd(bootId).Add(sequence, out var givenUp);
            site.Gaps += givenUp;
        }
    }

    /// <summary>A batch sent from the agent's backlog was stored with <paramref name="points"/> points.</summary>
    public void Backfilled(string siteId, int points)
    {
        var site = For(siteId);
        lock (site)
        {
            site.BackfillBatches++;
            site.BackfillPoints += points;
        }
    }

    public IReadOnlyList<SiteSequenceStatistics> Snapshot()
    {
        var result = new List<SiteSequenceStatistics>();
        foreach (var (id, site) in _sites.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            lock (site)
            {
                var missing = 0UL;
                foreach (var boot in site.Boots)
                {
                    missing += boot.Set.Missing;
                }

                result.Add(new SiteSequenceStatistics(id, site.Received, site.Duplicates, missing, site.Gaps,
                    site.BackfillBatches, site.BackfillPoints));
            }
        }

        return result;
    }

    public SiteSequenceStatistics Of(string siteId) =>
        Snapshot().FirstOrDefault(s => s.SiteId == siteId) ?? new SiteSequenceStatistics(siteId, 0, 0, 0, 0, 0, 0);

    // Sites are authenticated ones only, so the dictionary is bounded by the configured agents.
    private Site For(string siteId) => _sites.GetOrAdd(siteId, static _ => new Site());

    private sealed class Site
    {
        private long _clock;

        public List<(string BootId, SequenceSet Set, long LastUsed)> Boots { get; } = [];

        public long Received { get; set; }

        public long Duplicates { get; set; }

        public ulong Gaps { get; set; }

        public long BackfillBatches { get; set; }

        public long BackfillPoints { get; set; }

        public SequenceSet? Find(string bootId)
        {
            for (var i = 0; i < Boots.Count; i++)
            {
                if (string.Equals(Boots[i].BootId, bootId, StringComparison.Ordinal))
                {
                    Boots[i] = (bootId, Boots[i].Set, ++_clock);
                    return Boots[i].Set;
                }
            }

            return null;
        }

        public SequenceSet FindOrAdd(string bootId)
        {
            if (Find(bootId) is { } found)
            {
                return found;
            }

            if (Boots.Count >= MaxBootsPerSite)
            {
                var oldest = 0;
                for (var i = 1; i < Boots.Count; i++)
                {
                    if (Boots[i].LastUsed < Boots[oldest].LastUsed)
                    {
                        oldest = i;
                    }
                }

                Gaps += Boots[oldest].Set.Missing;
                Boots.RemoveAt(oldest);
            }

            var set = new SequenceSet();
            Boots.Add((bootId, set, ++_clock));
            return set;
        }
    }
}
