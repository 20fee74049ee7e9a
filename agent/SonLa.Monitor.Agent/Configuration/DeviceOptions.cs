namespace SonLa.Monitor.Agent.Configuration;

/// <summary>One SNMP device to poll (an element of the <c>Devices</c> array).</summary>
public sealed class DeviceOptions
{
    public const string SectionName = "Devices";

    public const int DefaultIntervalSeconds = 60;

    public const double DefaultTimeoutSeconds = 2;

    public const int DefaultRetries = 1;

    public const int DefaultMaxRepetitions = 25;

    public const int DefaultPort = 161;

    /// <summary>Position in the <c>Devices</c> array, for messages that name the key.</summary>
    public int Index { get; set; }

    public string Name { get; set; } = "";

    /// <summary>HOST[:PORT] as written; <see cref="Endpoint"/> is the parsed form.</summary>
    public string Host { get; set; } = "";

    public HostAndPort Endpoint { get; set; } = new("", DefaultPort);

    /// <summary>"1", "2c" or "3".</summary>
    public string Version { get; set; } = "2c";

    public Secret Community { get; set; } = new("");

    public int IntervalSeconds { get; set; } = DefaultIntervalSeconds;

    /// <summary>Free text, e.g. "uplink" for the router carrying the site's WAN link.</summary>
    public string Role { get; set; } = "";

    /// <summary>Per-request timeout, as net-snmp's <c>-t</c>.</summary>
    public double TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>As net-snmp's <c>-r</c>.</summary>
    public int Retries { get; set; } = DefaultRetries;

    /// <summary>GETBULK max-repetitions for table walks (as <c>-Cr</c>).</summary>
    public int MaxRepetitions { get; set; } = DefaultMaxRepetitions;

    /// <summary>Budget of one whole poll (GET + table walks); 0 means twice the interval.
    /// A poll still running at the next tick makes that tick skipped and counted.</summary>
    public double PollTimeoutSeconds { get; set; }

    public string User { get; set; } = "";

    public string Level { get; set; } = "";

    public string AuthProtocol { get; set; } = "";

    public Secret AuthPassphrase { get; set; } = new("");

    public string PrivProtocol { get; set; } = "";

    public Secret PrivPassphrase { get; set; } = new("");

    public string Context { get; set; } = "";

    public bool IsV3 => Version == "3";

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    public TimeSpan PollTimeout => PollTimeoutSeconds > 0 ? TimeSpan.FromSeconds(PollTimeoutSeconds) : 2 * Interval;

    /// <summary>
    /// A copy with other request timing (every other setting, credentials included, the same): the self-check polls a
    /// device within its own time limit. A copy of the whole object, so a setting added later is never left behind.
    /// </summary>
    public DeviceOptions WithTiming(double timeoutSeconds, int retries, double pollTimeoutSeconds)
    {
        var copy = (DeviceOptions)MemberwiseClone();
        copy.TimeoutSeconds = timeoutSeconds;
        copy.Retries = retries;
        copy.PollTimeoutSeconds = pollTimeoutSeconds;
        return copy;
    }
}
