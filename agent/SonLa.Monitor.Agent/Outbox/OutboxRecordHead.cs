namespace SonLa.Monitor.Agent.Outbox;

/// <summary>The fields of a record's body that precede the SampleBatch bytes.</summary>
internal readonly record struct OutboxRecordHead(OutboxLane Lane, string BootId, ulong Sequence, long QueuedAtUnixMs, int PointCount, int PayloadOffset);
