using Microsoft.Extensions.Options;

namespace SonLa.Monitor.Collector.Configuration;

public sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.HeartbeatIntervalSeconds is < 1 or > 3600)
        {
            builder.AddKeyError("must be between 1 and 3600", $"{IngestOptions.SectionName}:HeartbeatIntervalSeconds");
        }

        if (options.MaxMessageBytes is < 64 * 1024 or > 64 * 1024 * 1024)
        {
            builder.AddKeyError("must be between 65536 and 67108864", $"{IngestOptions.SectionName}:MaxMessageBytes");
        }

        return builder.Build();
    }
}
