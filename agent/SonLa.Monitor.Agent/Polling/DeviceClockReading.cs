namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// Where one successful poll sits on a device's timeline: counters read in the same
/// <see cref="Epoch"/> can be subtracted, and <see cref="Seconds"/> differences are the elapsed time.
/// </summary>
/// <param name="Epoch">Incremented at every reboot seen.</param>
/// <param name="Seconds">Continuous time since the first poll, advanced by the sysUpTime delta when it is consistent, else the monotonic wall clock.</param>
/// <param name="Rebooted">sysUpTime went back (and it was not the 497-day rollover) since the previous observation.</param>
/// <param name="RolledOver">sysUpTime wrapped past 2^32 hundredths of a second: not a reboot.</param>
/// <param name="UptimeSeconds">sysUpTime in seconds, plus the rollovers seen; null when the device did not report it.</param>
public readonly record struct DeviceClockReading(long Epoch, double Seconds, bool Rebooted, bool RolledOver, double? UptimeSeconds);
