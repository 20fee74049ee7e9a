using Microsoft.Extensions.Configuration;

namespace SonLa.Monitor.Agent.Configuration;

public static partial class AgentOptionsReader
{
    private static readonly string[] PingKeys = ["Name", "Host", "IntervalSeconds", "Count", "TimeoutMilliseconds"];

    private static List<PingTargetOptions> ReadPing(ConfigSectionReader reader, IConfigurationSection section)
    {
        var targets = new List<PingTargetOptions>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in section.GetChildren())
        {
            reader.KnownKeysOnly(entry, PingKeys);
            var target = new PingTargetOptions
            {
                Index = targets.Count,
                Name = reader.String(entry, "Name").Trim(),
                Host = reader.String(entry, "Host").Trim(),
                IntervalSeconds = reader.Int(entry, "IntervalSeconds", PingTargetOptions.DefaultIntervalSeconds, 1, 86_400),
                Count = reader.Int(entry, "Count", PingTargetOptions.DefaultCount, 1, 100),
                TimeoutMilliseconds = reader.Int(entry, "TimeoutMilliseconds", PingTargetOptions.DefaultTimeoutMilliseconds, 10, 60_000),
            };
            var nameKey = ConfigSectionReader.KeyOf(entry, "Name");
            if (target.Name.Length == 0)
            {
                reader.Error(nameKey, "required (the target tag, e.g. \"gateway\")");
            }
            else if (names.TryGetValue(target.Name, out var first))
            {
                reader.Error(nameKey, $"duplicate ping target name '{target.Name}' (also {first})");
            }
            else
            {
                names[target.Name] = nameKey;
            }

            if (target.Host.Length == 0)
            {
                reader.Error(ConfigSectionReader.KeyOf(entry, "Host"), "required (an IPv4 or IPv6 address or a host name, without a port)");
            }
            else if (target.Host.Contains(' ', StringComparison.Ordinal) || target.Host.Contains('/', StringComparison.Ordinal))
            {
                reader.Error(ConfigSectionReader.KeyOf(entry, "Host"), $"not an address or host name (got '{target.Host}')");
            }

            // A round sends Count requests one after another; it must end before the next round starts.
            if ((long)target.Count * target.TimeoutMilliseconds > target.IntervalSeconds * 1000L)
            {
                reader.Error(ConfigSectionReader.KeyOf(entry, "Count"),
                    $"{target.Count} requests of up to {target.TimeoutMilliseconds} ms each do not fit in IntervalSeconds {target.IntervalSeconds}");
            }

            targets.Add(target);
        }

        return targets;
    }
}
