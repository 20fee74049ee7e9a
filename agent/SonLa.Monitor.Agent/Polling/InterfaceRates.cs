namespace SonLa.Monitor.Agent.Polling;

/// <summary>The in/out rates of one interface for one poll.</summary>
public readonly record struct InterfaceRates(RateResult In, RateResult Out)
{
    /// <summary>True when the counters restarted (reboot, discontinuity, reset): written as <c>counter_reset=1</c>.</summary>
    public bool CounterReset => In.IsCounterReset || Out.IsCounterReset;
}
