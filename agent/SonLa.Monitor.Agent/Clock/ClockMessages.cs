using System.Globalization;

namespace SonLa.Monitor.Agent.Clock;

/// <summary>Event texts about the agent's clock (what province IT reads in the event history).</summary>
public static class ClockMessages
{
    public static string Jump(TimeSpan moved) => string.Create(CultureInfo.InvariantCulture,
        $"agent clock jumped {Signed(moved)} s; timestamps are the agent's own until the collector is reached again");

    public static string Skew(TimeSpan offset, TimeSpan correction) => correction == TimeSpan.Zero
        ? string.Create(CultureInfo.InvariantCulture, $"agent clock agrees with the collector again (offset {Signed(offset)} s); timestamps no longer corrected")
        : string.Create(CultureInfo.InvariantCulture,
            $"agent clock is {Math.Abs(offset.TotalSeconds):0.0} s {(offset > TimeSpan.Zero ? "behind" : "ahead of")} the collector; timestamps corrected by {Signed(correction)} s");

    private static string Signed(TimeSpan value) => value.TotalSeconds.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
}
