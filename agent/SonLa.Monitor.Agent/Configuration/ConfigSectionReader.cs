using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SonLa.Monitor.Agent.Configuration;

/// <summary>
/// Reads typed values out of configuration sections, collecting one message per bad key
/// (<c>Devices:1:IntervalSeconds: must be a whole number from 1 to 86400</c>) instead of stopping at the first.
/// Secret values never appear in messages.
/// </summary>
internal sealed class ConfigSectionReader
{
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];

    public IReadOnlyList<string> Errors => _errors;

    public IReadOnlyList<string> Warnings => _warnings;

    public void Error(string key, string reason) => _errors.Add($"{key}: {reason}");

    public void Warning(string key, string reason) => _warnings.Add($"{key}: {reason}");

    public static string KeyOf(IConfigurationSection section, string key) => section.Path + ConfigurationPath.KeyDelimiter + key;

    public string String(IConfigurationSection section, string key, string fallback = "")
    {
        var child = section.GetSection(key);
        if (child.Value is null && child.GetChildren().Any())
        {
            Error(child.Path, "must be a single value, not an object or array");
            return fallback;
        }

        return child.Value ?? fallback;
    }

    public Secret Secret(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        if (child.Value is null && child.GetChildren().Any())
        {
            Error(child.Path, "must be a single value, not an object or array");
        }

        return new Secret(child.Value ?? "");
    }

    public int Int(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        var text = String(section, key, "");
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(KeyOf(section, key), $"must be a whole number from {min} to {max} (got '{text}')");
        return fallback;
    }

    public double Double(IConfigurationSection section, string key, double fallback, double min, double max)
    {
        var text = String(section, key, "");
        if (text.Length == 0)
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(KeyOf(section, key), $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} (got '{text}')");
        return fallback;
    }

    public string OneOf(IConfigurationSection section, string key, string fallback, IReadOnlyList<string> allowed)
    {
        var text = String(section, key, "");
        if (text.Length == 0)
        {
            return fallback;
        }

        // Operators type "sha-256" as often as "SHA-256"; accept any case, keep the canonical spelling.
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        Error(KeyOf(section, key), $"must be {Alternatives(allowed)} (got '{text}')");
        return fallback;
    }

    public static IReadOnlyList<string> Strings(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        if (child.Value is not null)
        {
            return [child.Value];
        }

        return child.GetChildren().Select(c => c.Value ?? "").ToList();
    }

    /// <summary>Strict keys, as snmp_exporter does: a misspelt "Comunity" must not silently fall back to a default.</summary>
    public void KnownKeysOnly(IConfigurationSection section, IReadOnlyCollection<string> known)
    {
        if (section.Value is not null && !section.GetChildren().Any())
        {
            Error(section.Path, "must be an object");
            return;
        }

        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                Error(child.Path, $"unknown key (expected one of {string.Join(", ", known)})");
            }
        }
    }

    private static string Alternatives(IReadOnlyList<string> allowed) =>
        allowed.Count == 1 ? allowed[0] : string.Join(", ", allowed.Take(allowed.Count - 1)) + " or " + allowed[^1];
}
