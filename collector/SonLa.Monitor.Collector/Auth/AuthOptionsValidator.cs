using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;

namespace SonLa.Monitor.Collector.Auth;

/// <summary>Checks the <c>Auth</c> section: every problem, with its key, at once.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        var s = AuthOptions.SectionName;

        if (options.MinPasswordLength is < 8 or > 128)
        {
            builder.AddKeyError("must be between 8 and 128", $"{s}:MinPasswordLength");
        }

        if (options.SessionHours is < 1 or > 24 * 30)
        {
            builder.AddKeyError("must be between 1 and 720", $"{s}:SessionHours");
        }

        var initial = options.InitialAdminPassword?.Reveal();
        if (initial is not null && initial.Length > 0 && initial.Length < options.MinPasswordLength)
        {
            // Never echo the password: only what is wrong with it.
            builder.AddKeyError($"must be at least {options.MinPasswordLength} characters (Auth:MinPasswordLength)", $"{s}:InitialAdminPassword");
        }

        var login = options.Login;
        Positive(builder, login.MaxFailuresPerUser, $"{s}:Login:MaxFailuresPerUser");
        Positive(builder, login.MaxFailuresPerAddress, $"{s}:Login:MaxFailuresPerAddress");
        Positive(builder, login.LockoutSeconds, $"{s}:Login:LockoutSeconds");
        Positive(builder, login.FailureWindowSeconds, $"{s}:Login:FailureWindowSeconds");
        if (login.MaxLockoutSeconds < login.LockoutSeconds)
        {
            builder.AddKeyError("must be at least Auth:Login:LockoutSeconds", $"{s}:Login:MaxLockoutSeconds");
        }

        return builder.Build();
    }

    private static void Positive(ValidateOptionsResultBuilder builder, int value, string key)
    {
        if (value < 1)
        {
            builder.AddKeyError("must be at least 1", key);
        }
    }
}
