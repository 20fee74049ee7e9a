using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Api;
using SonLa.Monitor.Collector.State;

namespace SonLa.Monitor.Collector.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Users, sessions (cookie) and API tokens (bearer), the <see cref="AuthPolicies"/> policies, antiforgery, login
    /// throttling and the first admin. Pair with <c>app.UseSonLaAuth()</c>.
    /// </summary>
    public static IServiceCollection AddSonLaAuth(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<AuthMetrics>();
        services.AddSingleton<CookieSessionEvents>();
        services.AddSingleton<KnownSites>();
        services.AddHostedService<AuthBootstrapService>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();

        // Session and antiforgery cookies are signed with keys kept in the state database, not in $HOME.
        services.AddDataProtection().SetApplicationName("sonla-collector");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            keys => keys.XmlRepository = new SqliteXmlRepository(sp.GetRequiredService<StateDatabase>())));
        // The keys sit unencrypted next to the password hashes, as on disk by default; the warning saying so every start is noise.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error));

        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Bearer token or session cookie", policy =>
                policy.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? AuthSchemes.Bearer
                        : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, cookie =>
            {
                cookie.Cookie.Name = AuthSchemes.SessionCookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/login";
                cookie.EventsType = typeof(CookieSessionEvents);
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(AuthSchemes.Bearer, null);
        services.AddOptions<CookieAuthenticationOptions>(AuthSchemes.Cookie)
            .Configure<IOptions<AuthOptions>>((cookie, auth) => cookie.ExpireTimeSpan = TimeSpan.FromHours(SessionHours(auth)));

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Reader, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Viewer, Roles.Admin, Roles.Site)
                .RequireAssertion(context => !context.User.MustChangePassword()))
            .AddPolicy(AuthPolicies.Admin, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Admin)
                .RequireAssertion(context => !context.User.MustChangePassword()))
            .AddPolicy(AuthSchemes.AnySessionPolicy, policy => policy.RequireAuthenticatedUser());

        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AuthSchemes.AntiforgeryHeaderName;
            antiforgery.Cookie.Name = AuthSchemes.AntiforgeryCookieName;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    // A bad value is reported by the validator at start; meanwhile the default keeps the options usable.
    private static int SessionHours(IOptions<AuthOptions> auth)
    {
        try
        {
            return auth.Value.SessionHours is >= 1 and <= 720 ? auth.Value.SessionHours : AuthOptions.DefaultSessionHours;
        }
        catch (OptionsValidationException)
        {
            return AuthOptions.DefaultSessionHours;
        }
    }
}
