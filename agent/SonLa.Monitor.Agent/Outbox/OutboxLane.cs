namespace SonLa.Monitor.Agent.Outbox;

/// <summary>Backlog priority: what changed (events, state) drains before raw samples.</summary>
public enum OutboxLane : byte
{
    /// <summary>Batches carrying events (traps, reachability and link changes, data_lost).</summary>
    Events = 0,

    /// <summary>Batches of samples only.</summary>
    Samples = 1,
}
