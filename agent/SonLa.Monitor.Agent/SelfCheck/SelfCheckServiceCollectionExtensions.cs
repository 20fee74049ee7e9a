using Microsoft.Extensions.DependencyInjection;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>The scheduled self-check of <c>run</c>, the collector's requests for one, and the local status page (one line in AgentHost).</summary>
public static class SelfCheckServiceCollectionExtensions
{
    public static IServiceCollection AddSelfCheck(this IServiceCollection services)
    {
        services.AddSingleton<SelfCheckState>();
        services.AddSingleton<SelfCheckService>();
        services.AddHostedService(provider => provider.GetRequiredService<SelfCheckService>());
        services.AddSingleton<SelfCheckRequests>();
        services.AddSingleton<Uplink.ISelfCheckRequests>(provider => provider.GetRequiredService<SelfCheckRequests>());
        services.AddHostedService(provider => provider.GetRequiredService<SelfCheckRequests>());
        services.AddHostedService<StatusPage.StatusPageService>();
        return services;
    }
}
