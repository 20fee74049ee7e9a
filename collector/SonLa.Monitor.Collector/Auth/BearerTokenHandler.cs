using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SonLa.Monitor.Collector.Auth;

/// <summary>
/// <c>Authorization: Bearer sonla_...</c> for scripts and other programs: the token's SHA-256 is looked up in
/// <c>auth_tokens</c>; it acts as its (enabled) user with that user's role.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserStore users,
    AuthMetrics metrics)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Agents send their own bearer token on the gRPC stream; AgentGatewayService checks those.
        if (Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var found = users.FindByToken(header[Prefix.Length..].Trim());
        if (found is null)
        {
            metrics.BearerTokenRefused();
            return Task.FromResult(AuthenticateResult.Fail("unknown or revoked API token"));
        }

        var principal = SonLaPrincipal.Create(found.Value.User, AuthSchemes.Bearer, found.Value.TokenId);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, AuthSchemes.Bearer)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
