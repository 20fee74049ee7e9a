using Microsoft.Extensions.Options;

namespace SonLa.Monitor.Collector.Configuration;

/// <summary>Checks the <c>Influx</c> section, naming every bad key at once.</summary>
public sealed class InfluxOptionsValidator : IValidateOptions<InfluxOptions>
{
    public ValidateOptionsResult Validate(string? name, InfluxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        const string S = InfluxOptions.SectionName;

        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) ||
            (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) ||
            !string.IsNullOrEmpty(url.UserInfo))
        {
            builder.AddKeyError("must be an absolute http(s) URL without credentials, e.g. http://127.0.0.1:8086", $"{S}:Url");
        }

        if (options.Version is not ("1" or "2" or "3"))
        {
            builder.AddKeyError("must be 1 or 2 (3 is written like 2)", $"{S}:Version");
        }

        if (options.TimeoutSeconds is < 1 or > 300)
        {
            builder.AddKeyError("must be between 1 and 300", $"{S}:TimeoutSeconds");
        }

        if (options.ProbeSeconds is < 1 or > 3600)
        {
            builder.AddKeyError("must be between 1 and 3600", $"{S}:ProbeSeconds");
        }

        if (options.IsVersion2)
        {
            if (string.IsNullOrWhiteSpace(options.Org))
            {
                builder.AddKeyError("must not be empty with Version 2/3", $"{S}:Org");
            }

            if (options.Token is null || options.Token.IsEmpty)
            {
                builder.AddKeyError("must not be empty with Version 2/3", $"{S}:Token");
            }

            if (string.IsNullOrWhiteSpace(options.EffectiveBucket))
            {
                builder.AddKeyError("must not be empty with Version 2/3 (or set Influx:Database)", $"{S}:Bucket");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.Database))
            {
                builder.AddKeyError("must not be empty", $"{S}:Database");
            }

            var hasUser = !string.IsNullOrWhiteSpace(options.Username);
            var hasPassword = options.Password is { IsEmpty: false };
            if (hasUser != hasPassword)
            {
                builder.AddKeyError("Username and Password go together: set both or neither", $"{S}:{(hasUser ? "Password" : "Username")}");
            }
        }

        return builder.Build();
    }
}
