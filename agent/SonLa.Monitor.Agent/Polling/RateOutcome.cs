namespace SonLa.Monitor.Agent.Polling;

/// <summary>Why a rate was or was not emitted for one counter over one interval.</summary>
public enum RateOutcome
{
    /// <summary>A rate was computed.</summary>
    Ok,

    /// <summary>No earlier reading of this series: never a 0, never a spike.</summary>
    FirstSample,

    /// <summary>The interface changed identity (ifIndex reused, counter width changed): a new series starts.</summary>
    NewSeries,

    /// <summary>The device rebooted (sysUpTime went back, not the 497-day rollover).</summary>
    Reboot,

    /// <summary>ifCounterDiscontinuityTime changed: the counter's history is broken.</summary>
    Discontinuity,

    /// <summary>The counter went back without a reboot and a single 32-bit wrap does not explain it (or it is 64-bit).</summary>
    CounterReset,

    /// <summary>So long a gap that a 32-bit counter could have wrapped a second time at line speed.</summary>
    AmbiguousWrap,

    /// <summary>Computed rate above ifSpeed × margin: dropped and counted.</summary>
    AboveSpeed,

    /// <summary>No time elapsed between readings.</summary>
    NoElapsedTime,

    /// <summary>The counter is missing in this poll or the previous one.</summary>
    Missing,
}
