using SonLa.Monitor.Collector.Ingest;

namespace SonLa.Monitor.Collector.Tests.Ingest;

public class SequenceAccountingTests
{
    private readonly SequenceAccounting _accounting = new();

    private void ReceiveAndAnswer(string site, string boot, params ulong[] sequences)
    {
        foreach (var sequence in sequences)
        {
            _accounting.Received(site, boot, sequence);
            _accounting.Answered(site, boot, sequence);
        }
    }

    [Fact]
    public void AnsweredBatchReceivedAgain_IsADuplicate_UnansweredResendIsNot()
    {
        Assert.False(_accounting.Received("a", "boot1", 1));
        // InfluxDB was down: no answer; the agent resends on a new stream.
        Assert.False(_accounting.Received("a", "boot1", 1));
        _accounting.Answered("a", "boot1", 1);
        // The ack was lost: the agent resends an answered batch.
        Assert.True(_accounting.Received("a", "boot1", 1));

        var site = _accounting.Of("a");
        Assert.Equal(3, site.BatchesReceived);
        Assert.Equal(1, site.Duplicates);
        Assert.Equal(0UL, site.Missing);
    }

    [Fact]
    public void OutOfOrderBacklog_MissingFallsToZeroAsItDrains_NoGap()
    {
        // Live batches 10..12 first, then the backlog 1..9 oldest first.
        ReceiveAndAnswer("a", "boot1", 10, 11, 12);
        ReceiveAndAnswer("a", "boot1", 1);
        Assert.Equal(8UL, _accounting.Of("a").Missing);

        ReceiveAndAnswer("a", "boot1", 2, 3, 4, 5, 6, 7, 8, 9);

        var site = _accounting.Of("a");
        Assert.Equal(0UL, site.Missing);
        Assert.Equal(0UL, site.Gaps);
        Assert.Equal(0, site.Duplicates);
    }

    [Fact]
    public void BootForgottenWithHoles_CountsThemAsGaps()
    {
        ReceiveAndAnswer("a", "old", 1, 2, 5, 9);
        Assert.Equal(5UL, _accounting.Of("a").Missing);

        for (var boot = 0; boot < SequenceAccounting.MaxBootsPerSite; boot++)
        {
            ReceiveAndAnswer("a", "new" + boot, 1, 2);
        }

        var site = _accounting.Of("a");
        Assert.Equal(5UL, site.Gaps);
        Assert.Equal(0UL, site.Missing);
    }

    [Fact]
    public void Sites_AreCountedApart_AndBackfillIsCounted()
    {
        ReceiveAndAnswer("a", "boot", 1, 3);
        ReceiveAndAnswer("b", "boot", 1, 2);
        _accounting.Backfilled("b", 55);
        _accounting.Backfilled("b", 11);

        var snapshot = _accounting.Snapshot();

        Assert.Equal(["a", "b"], snapshot.Select(s => s.SiteId));
        Assert.Equal(1UL, snapshot[0].Missing);
        Assert.Equal(0UL, snapshot[1].Missing);
        Assert.Equal((0L, 0L), (snapshot[0].BackfillBatches, snapshot[0].BackfillPoints));
        Assert.Equal((2L, 66L), (snapshot[1].BackfillBatches, snapshot[1].BackfillPoints));
    }
}
