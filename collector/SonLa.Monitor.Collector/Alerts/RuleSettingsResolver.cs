using System.Collections.Concurrent;

namespace SonLa.Monitor.Collector.Alerts;

/// <summary>Effective settings per (rule, site, device), computed once and cached: a tick over 1,000 sites asks often.</summary>
public sealed class RuleSettingsResolver
{
    private readonly Dictionary<string, RuleSettings> _global = new(StringComparer.Ordinal);
    private readonly List<RuleOverride> _overrides;
    private readonly ConcurrentDictionary<(string Rule, string Site, string? Device), RuleSettings> _cache = new();

    public RuleSettingsResolver(AlertingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var rule in AlertRules.All)
        {
            var configured = options.Rules.TryGetValue(rule, out var o) ? o : null;
            _global[rule] = RuleDefaults.For(rule).With(configured);
        }

        // Least specific first, so the most specific is applied last and wins.
        _overrides = options.Overrides
            .Where(o => !string.IsNullOrWhiteSpace(o.Site))
            .OrderBy(o => (string.IsNullOrWhiteSpace(o.Device) ? 0 : 2) + (string.IsNullOrWhiteSpace(o.Rule) ? 0 : 1))
            .ToList();
        HasOverrides = _overrides.Count > 0;
    }

    public bool HasOverrides { get; }

    public RuleSettings For(string rule, string site, string? device = null)
    {
        if (!HasOverrides)
        {
            return _global[rule];
        }

        return _cache.GetOrAdd((rule, site, device), key =>
        {
            var settings = _global[key.Rule];
            foreach (var o in _overrides)
            {
                if (string.Equals(o.Site, key.Site, StringComparison.Ordinal)
                    && (string.IsNullOrWhiteSpace(o.Device) || string.Equals(o.Device, key.Device, StringComparison.Ordinal))
                    && (string.IsNullOrWhiteSpace(o.Rule) || string.Equals(AlertRules.Normalize(o.Rule), key.Rule, StringComparison.Ordinal)))
                {
                    settings = settings.With(o);
                }
            }

            return settings;
        });
    }
}
