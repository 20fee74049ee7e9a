using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>The registry of open agent streams: the newest takes the message, an ending one passes it on, removal is per stream.</summary>
public class AgentSessionsTests
{
    private static readonly CollectorMessage Message = new() { RunSelfCheck = new RunSelfCheck { RequestId = "r1" } };

    [Fact]
    public void NoStream_NotConnected_SendFails()
    {
        var sessions = new AgentSessions();
        Assert.False(sessions.IsConnected("chieng-coi"));
        Assert.False(sessions.TrySend("chieng-coi", Message));
    }

    [Fact]
    public void NewestStreamGetsIt_OtherSitesDoNot_RemovedStreamsNoLonger()
    {
        var sessions = new AgentSessions();
        var older = new List<CollectorMessage>();
        var newer = new List<CollectorMessage>();
        var other = new List<CollectorMessage>();
        using var olderStream = sessions.Add("chieng-coi", m => { older.Add(m); return true; });
        var newerStream = sessions.Add("chieng-coi", m => { newer.Add(m); return true; });
        using var otherStream = sessions.Add("muong-bu", m => { other.Add(m); return true; });

        Assert.True(sessions.TrySend("chieng-coi", Message));
        Assert.Equal([Message], newer);
        Assert.Empty(older);
        Assert.Empty(other);

        newerStream.Dispose();
        Assert.True(sessions.TrySend("chieng-coi", Message));
        Assert.Equal([Message], older);
        Assert.Single(newer);

        olderStream.Dispose();
        Assert.False(sessions.IsConnected("chieng-coi"));
        Assert.False(sessions.TrySend("chieng-coi", Message));
        Assert.True(sessions.IsConnected("muong-bu"));
    }

    [Fact]
    public void EndingStream_PassesTheMessageToTheNextOlder()
    {
        var sessions = new AgentSessions();
        var older = new List<CollectorMessage>();
        using var olderStream = sessions.Add("chieng-coi", m => { older.Add(m); return true; });
        using var ending = sessions.Add("chieng-coi", _ => false);

        Assert.True(sessions.TrySend("chieng-coi", Message));
        Assert.Equal([Message], older);
    }

    [Fact]
    public void AllStreamsEnding_SendFails()
    {
        var sessions = new AgentSessions();
        using var ending = sessions.Add("chieng-coi", _ => false);
        Assert.True(sessions.IsConnected("chieng-coi"));
        Assert.False(sessions.TrySend("chieng-coi", Message));
    }
}
