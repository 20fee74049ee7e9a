namespace SonLa.Monitor.Agent.Polling;

/// <summary>What one poll of one device saw, before any rate is computed.</summary>
public sealed record DevicePollResult
{
    public required bool Reachable { get; init; }

    /// <summary>When the poll measured (the points' timestamp).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Monotonic time of the sysUpTime reading, for elapsed-time arithmetic immune to wall-clock steps.</summary>
    public required TimeSpan Monotonic { get; init; }

    /// <summary>Round trip of the system-group GET, retries included.</summary>
    public double? ResponseMilliseconds { get; init; }

    public uint? SysUpTime { get; init; }

    /// <summary>hrSystemUptime.0 when the device has HOST-RESOURCES-MIB: preferred for reboot detection.</summary>
    public uint? HostUptime { get; init; }

    public string? SysName { get; init; }

    public string? SysDescr { get; init; }

    public string? SysObjectId { get; init; }

    public IReadOnlyList<InterfaceReading> Interfaces { get; init; } = [];

    /// <summary>The UPS-MIB battery and output groups, for devices with <c>"Role": "ups"</c> only.</summary>
    public UpsReading? Ups { get; init; }

    /// <summary>Why the device is unreachable, or what part of the poll failed (partial result); never holds a secret.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// When unreachable: a stable name of the failure ("timeout", "usm:WrongDigest", ...), so a change of cause
    /// (a timeout becoming a wrong digest) is logged once, and a repeat is not.
    /// </summary>
    public string? FailureKind { get; init; }

    /// <summary>Some table or OID failed; the rest is still reported.</summary>
    public bool Partial { get; init; }
}
