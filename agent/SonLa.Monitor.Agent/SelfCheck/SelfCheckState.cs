namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>The latest self-check inside <c>run</c>, for the local status page; also lets a caller ask for one now.</summary>
public sealed class SelfCheckState
{
    private SelfCheckReport? _latest;

    public SelfCheckReport? Latest => Volatile.Read(ref _latest);

    public void Publish(SelfCheckReport report) => Volatile.Write(ref _latest, report);
}
