using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace SonLa.Monitor.Collector.Auth;

/// <summary>
/// At start, when there is no user at all: creates <c>admin</c>, with <see cref="AuthOptions.InitialAdminPassword"/>
/// or else a random one-time password printed once (which must be changed at first login).
/// </summary>
internal sealed class AuthBootstrapService(
    UserStore users, IOptions<AuthOptions> options, IHostApplicationLifetime lifetime, ILogger<AuthBootstrapService> logger) : IHostedService
{
    public const string FirstAdminName = "admin";

    // No 0/O, 1/l/I: the password is read off a console and typed by hand.
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int GeneratedLength = 16;

    // Once the collector is up, not before: a start that fails (port in use, bad certificate) creates nobody and
    // prints no password, and the line comes after the start-up noise where the operator looks.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(CreateFirstAdmin);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void CreateFirstAdmin()
    {
        if (users.CountUsers() > 0)
        {
            return;
        }

        var configured = options.Value.InitialAdminPassword;
        var password = configured is { IsEmpty: false } ? configured.Reveal() : RandomNumberGenerator.GetString(Alphabet, GeneratedLength);
        // Another collector on the same file may have won the race: then it printed the password, not us.
        if (!users.TryCreate(FirstAdminName, Roles.Admin, null, password, mustChangePassword: configured is null or { IsEmpty: true }, out _))
        {
            return;
        }

        if (configured is { IsEmpty: false })
        {
            AuthLog.FirstAdminWithConfiguredPassword(logger, FirstAdminName);
        }
        else
        {
            AuthLog.FirstAdminWithOneTimePassword(logger, FirstAdminName, password);
        }
    }
}
