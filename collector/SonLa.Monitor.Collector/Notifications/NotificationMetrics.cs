using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SonLa.Monitor.Collector.Notifications;

/// <summary>Notification counters per channel for <c>GET /metrics</c> (Prometheus text format).</summary>
public sealed class NotificationMetrics
{
    private readonly ConcurrentDictionary<string, Counters> _channels = new(StringComparer.Ordinal);
    private long _enqueued;
    private long _duplicates;
    private long _pending;

    public long Enqueued => Interlocked.Read(ref _enqueued);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Makes a configured channel show with zeros before its first delivery.</summary>
    public void Register(string channel) => _channels.GetOrAdd(channel, _ => new Counters());

    /// <summary>Deliveries waiting for their first or next attempt, as the dispatcher last counted them.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public void SetPending(long pending) => Interlocked.Exchange(ref _pending, pending);

    public void NotificationEnqueued() => Interlocked.Increment(ref _enqueued);

    public void DuplicateIgnored() => Interlocked.Increment(ref _duplicates);

    public void Sent(string channel) => Interlocked.Increment(ref For(channel).Sent);

    public void FailedAttempt(string channel) => Interlocked.Increment(ref For(channel).FailedAttempts);

    public void GivenUp(string channel) => Interlocked.Increment(ref For(channel).GivenUp);

    public long SentCount(string channel) => _channels.TryGetValue(channel, out var c) ? Interlocked.Read(ref c.Sent) : 0;

    public long FailedAttemptCount(string channel) => _channels.TryGetValue(channel, out var c) ? Interlocked.Read(ref c.FailedAttempts) : 0;

    public long GivenUpCount(string channel) => _channels.TryGetValue(channel, out var c) ? Interlocked.Read(ref c.GivenUp) : 0;

    public string Render()
    {
        var text = new StringBuilder(1024);
        var channels = _channels.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        Family(text, "sonla_notifications_sent_total", "Notifications delivered, per channel recipient.", channels, c => c.Sent);
        Family(text, "sonla_notifications_failed_attempts_total", "Delivery attempts that failed (each retry counts).", channels, c => c.FailedAttempts);
        Family(text, "sonla_notifications_given_up_total", "Deliveries abandoned: refused for good, or still failing at Notifications:GiveUpAfterHours.", channels, c => c.GivenUp);
        Single(text, "sonla_notifications_enqueued_total", "Notifications accepted from the alert engine.", Enqueued);
        Single(text, "sonla_notifications_duplicates_total", "Notifications ignored because their Id was already enqueued.", Duplicates);
        text.Append("# HELP sonla_notifications_pending Deliveries waiting for their first or next attempt.\n")
            .Append("# TYPE sonla_notifications_pending gauge\n")
            .Append("sonla_notifications_pending ").Append(Pending.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return text.ToString();
    }

    private Counters For(string channel) => _channels.GetOrAdd(channel, _ => new Counters());

    private static void Family(StringBuilder text, string name, string help, List<KeyValuePair<string, Counters>> channels, Func<Counters, long> read)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(" counter\n");
        foreach (var (channel, counters) in channels)
        {
            text.Append(name).Append("{channel=\"").Append(Escape(channel)).Append("\"} ")
                .Append(read(counters).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static void Single(StringBuilder text, string name, string help, long value) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(" counter\n")
            .Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private sealed class Counters
    {
        public long Sent;
        public long FailedAttempts;
        public long GivenUp;
    }
}
