using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;

namespace SonLa.Monitor.Collector.Alerts.Outages;

public sealed class OutageOptionsValidator : IValidateOptions<OutageOptions>
{
    public ValidateOptionsResult Validate(string? name, OutageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        Range(builder, options.BackfillQuietSeconds, 1, 3600, nameof(OutageOptions.BackfillQuietSeconds));
        Range(builder, options.BackfillMaxWaitSeconds, 1, 7 * 86400, nameof(OutageOptions.BackfillMaxWaitSeconds));
        Range(builder, options.DedupSeconds, 0, 3600, nameof(OutageOptions.DedupSeconds));
        Range(builder, options.LeadSeconds, 0, 86400, nameof(OutageOptions.LeadSeconds));
        Range(builder, options.CoverageSeconds, 1, 3600, nameof(OutageOptions.CoverageSeconds));
        Range(builder, options.GapSeconds, 1, 86400, nameof(OutageOptions.GapSeconds));
        Range(builder, options.RollupMinimumSites, 1, 100_000, nameof(OutageOptions.RollupMinimumSites));
        Range(builder, options.RollupIntervalSeconds, 0, 86400, nameof(OutageOptions.RollupIntervalSeconds));
        Range(builder, options.TickSeconds, 1, 60, nameof(OutageOptions.TickSeconds));
        Range(builder, options.MaxObservationsPerSite, 1000, 10_000_000, nameof(OutageOptions.MaxObservationsPerSite));
        if (options.BackfillMaxWaitSeconds < options.BackfillQuietSeconds)
        {
            builder.AddKeyError("must not be shorter than BackfillQuietSeconds", $"{OutageOptions.SectionName}:{nameof(OutageOptions.BackfillMaxWaitSeconds)}");
        }

        if (!TryFindTimeZone(options.TimeZone, out _))
        {
            builder.AddKeyError($"unknown time zone '{options.TimeZone}' (an IANA name such as {OutageOptions.DefaultTimeZone})", OutageOptions.TimeZoneKey);
        }

        return builder.Build();
    }

    public static bool TryFindTimeZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static void Range(ValidateOptionsResultBuilder builder, int value, int min, int max, string key)
    {
        if (value < min || value > max)
        {
            builder.AddKeyError(FormattableString.Invariant($"must be between {min} and {max}"), $"{OutageOptions.SectionName}:{key}");
        }
    }
}
