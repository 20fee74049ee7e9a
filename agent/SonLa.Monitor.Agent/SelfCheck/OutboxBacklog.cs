using SonLa.Monitor.Agent.Outbox;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// The outbox backlog as seen from outside the running agent, read-only: the segment files still on disk (a segment is
/// deleted once every record in it is acknowledged), their bytes, the oldest one's age, and when anything was last
/// written (the agent writes a status point every minute, so a stale folder means a stopped agent).
/// </summary>
public sealed record OutboxBacklog(int Files, long Bytes, DateTimeOffset? Oldest, DateTimeOffset? LastWrite)
{
    public static readonly OutboxBacklog Empty = new(0, 0, null, null);

    public static OutboxBacklog Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return Empty;
        }

        var files = 0;
        long bytes = 0;
        DateTimeOffset? oldest = null;
        DateTimeOffset? lastWrite = null;
        foreach (var path in Directory.EnumerateFiles(directory))
        {
            var isSegment = path.EndsWith(OutboxSegment.Extension, StringComparison.Ordinal);
            if (!isSegment && !path.EndsWith(OutboxSegment.AckExtension, StringComparison.Ordinal))
            {
                continue;
            }

            var info = new FileInfo(path);
            try
            {
                var written = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
                lastWrite = lastWrite is { } w && w > written ? w : written;
                if (isSegment)
                {
                    files++;
                    bytes += info.Length;
                    var created = new DateTimeOffset(info.CreationTimeUtc, TimeSpan.Zero);
                    var born = created < written ? created : written;
                    oldest = oldest is { } o && o < born ? o : born;
                }
            }
            catch (FileNotFoundException)
            {
                // Acknowledged and deleted by the agent while we looked.
            }
        }

        return new OutboxBacklog(files, bytes, oldest, lastWrite);
    }

    public static OutboxBacklog FromLive(IOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var statistics = outbox.Statistics;
        return new OutboxBacklog(statistics.PendingBatches, statistics.PendingBytes, statistics.OldestQueuedAt, null);
    }

    /// <summary>"12.3 MB in 4 files, the oldest from 3 h ago" or "none".</summary>
    public LocalizedText Describe(DateTimeOffset now) => Bytes == 0 && Files == 0
        ? SelfCheckTexts.BacklogNone
        : SelfCheckTexts.BacklogSome.Format(
            LocalizedText.Same(Sizes.Format(Bytes)),
            LocalizedText.Same(Files.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Oldest is { } oldest ? Age(now - oldest) : LocalizedText.Same("-"));

    public static LocalizedText Age(TimeSpan age) =>
        age.TotalHours < 1 ? SelfCheckTexts.Minutes.Format(Math.Max(0, age.TotalMinutes))
        : age.TotalDays < 2 ? SelfCheckTexts.Hours.Format(age.TotalHours)
        : SelfCheckTexts.Days.Format(age.TotalDays);
}
