using System.Globalization;
using Microsoft.Extensions.Options;

namespace SonLa.Monitor.Collector.Alerts;

public sealed class AlertingOptionsValidator : IValidateOptions<AlertingOptions>
{
    private const string Section = AlertingOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AlertingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Range(errors, options.EvaluationSeconds, 1, 3600, $"{Section}:EvaluationSeconds");
        Range(errors, options.RepeatMinutes, 0, 7 * 24 * 60, $"{Section}:RepeatMinutes");
        Range(errors, options.FlappingTransitions, 2, 1000, $"{Section}:FlappingTransitions");
        Range(errors, options.FlappingWindowMinutes, 1, 24 * 60, $"{Section}:FlappingWindowMinutes");
        Range(errors, options.CauseWindowMinutes, 0, 24 * 60, $"{Section}:CauseWindowMinutes");
        if (AlertTimeZone.TryFind(options.TimeZone) is null)
        {
            errors.Add($"{Section}:TimeZone: '{options.TimeZone}' is not a time zone this machine knows (e.g. {AlertingOptions.DefaultTimeZone})");
        }

        foreach (var (rule, settings) in options.Rules)
        {
            if (AlertRules.Normalize(rule) is null)
            {
                errors.Add($"{Section}:Rules:{rule}: unknown rule; known: {string.Join(", ", AlertRules.All)}");
                continue;
            }

            Check(errors, settings, $"{Section}:Rules:{rule}");
        }

        for (var i = 0; i < options.Overrides.Count; i++)
        {
            var o = options.Overrides[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"{Section}:Overrides:{i}");
            if (string.IsNullOrWhiteSpace(o.Site))
            {
                errors.Add($"{key}:Site: required (the site id the override applies to)");
            }

            if (!string.IsNullOrWhiteSpace(o.Rule) && AlertRules.Normalize(o.Rule) is null)
            {
                errors.Add($"{key}:Rule: unknown rule '{o.Rule}'; known: {string.Join(", ", AlertRules.All)}");
            }

            Check(errors, o, key);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, RuleOptions o, string key)
    {
        Range(errors, o.HoldDownSeconds, 0, 7 * 24 * 3600, $"{key}:HoldDownSeconds");
        Range(errors, o.ThresholdPercent, 1, 1000, $"{key}:ThresholdPercent");
        Range(errors, o.ErrorsPerMinute, 0, 1e12, $"{key}:ErrorsPerMinute");
        Range(errors, o.BatteryPercent, 0, 100, $"{key}:BatteryPercent");
        Range(errors, o.RuntimeMinutes, 0, 100_000, $"{key}:RuntimeMinutes");
        Range(errors, o.OffsetMilliseconds, 1, 1e9, $"{key}:OffsetMilliseconds");
        Range(errors, o.ResolveAfterMinutes, 1, 7 * 24 * 60, $"{key}:ResolveAfterMinutes");
        if (o.Severity is not null && RuleOptions.ParseSeverity(o.Severity) is null)
        {
            errors.Add($"{key}:Severity: must be info, warning or critical");
        }
    }

    private static void Range(List<string> errors, double? value, double min, double max, string key)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key}: must be between {min} and {max}"));
        }
    }
}
