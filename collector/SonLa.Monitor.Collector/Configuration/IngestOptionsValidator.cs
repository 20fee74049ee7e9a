using Microsoft.Extensions.Options;

namespace SonLa.Monitor.Collector.Configuration;

public sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        Range(builder, options.HeartbeatIntervalSeconds, 1, 3600, "HeartbeatIntervalSeconds");
        Range(builder, options.MaxMessageBytes, 64 * 1024, 64 * 1024 * 1024, "MaxMessageBytes");
        Range(builder, options.WriteMaxPoints, 1, 1_000_000, "WriteMaxPoints");
        Range(builder, options.WriteMaxBytes, 64 * 1024, 256 * 1024 * 1024, "WriteMaxBytes");
        Range(builder, options.MaxWritesInFlight, 1, 64, "MaxWritesInFlight");
        Range(builder, options.QueueMaxBytes, 64 * 1024, 1024 * 1024 * 1024, "QueueMaxBytes");
        Range(builder, options.MaxUnansweredBatchesPerAgent, 1, 100_000, "MaxUnansweredBatchesPerAgent");
        return builder.Build();
    }

    private static void Range(ValidateOptionsResultBuilder builder, int value, int min, int max, string key)
    {
        if (value < min || value > max)
        {
            builder.AddKeyError(FormattableString.Invariant($"must be between {min} and {max}"), $"{IngestOptions.SectionName}:{key}");
        }
    }
}
