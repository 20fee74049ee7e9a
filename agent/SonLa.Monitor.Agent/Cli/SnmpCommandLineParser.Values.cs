using System.Globalization;
using SonLa.Monitor.Snmp.Messages;

namespace SonLa.Monitor.Agent.Cli;

internal static partial class SnmpCommandLineParser
{
    public const int MaxRetries = 100;
    public const int MaxMaxRepetitions = 1000;
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    private static SnmpVersion ParseVersion(string value) => value switch
    {
        "1" => SnmpVersion.V1,
        "2c" or "2C" => SnmpVersion.V2c,
        "3" => SnmpVersion.V3,
        _ => throw new CliUsageException($"-v: '{value}' is not an SNMP version (1, 2c or 3)"),
    };

    private static TimeSpan ParseTimeout(string value)
    {
        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) ||
            seconds <= 0 || seconds > MaxTimeout.TotalSeconds)
        {
            throw new CliUsageException(
                $"-t: '{value}' is not a timeout in seconds (a number above 0 and at most {MaxTimeout.TotalSeconds:0}, e.g. 1 or 0.5)");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static int ParseRetries(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var retries) && retries <= MaxRetries
            ? retries
            : throw new CliUsageException($"-r: '{value}' is not a number of retries (0 to {MaxRetries})");

    private static int ParseMaxRepetitions(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxMaxRepetitions
            ? count
            : throw new CliUsageException($"-Cr: '{value}' is not a max-repetitions count (1 to {MaxMaxRepetitions})");
}
