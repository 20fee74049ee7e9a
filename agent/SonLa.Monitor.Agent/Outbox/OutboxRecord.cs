namespace SonLa.Monitor.Agent.Outbox;

/// <summary>What the index keeps of one record in memory: where it is, whose it is, and whether it is done. Never the payload.</summary>
internal struct OutboxRecord
{
    public long Position;
    public long QueuedAtUnixMs;
    public ulong Sequence;
    public int Offset;
    public int Length;
    public int PointCount;
    public OutboxLane Lane;
    public byte BootIndex;
    public bool Done;
}
