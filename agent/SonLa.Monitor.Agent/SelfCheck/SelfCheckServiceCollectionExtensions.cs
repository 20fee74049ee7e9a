using Microsoft.Extensions.DependencyInjection;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>The scheduled self-check of <c>run</c> and the local status page (one line in AgentHost).</summary>
public static class SelfCheckServiceCollectionExtensions
{
    public static IServiceCollection AddSelfCheck(this IServiceCollection services)
    {
        services.AddSingleton<SelfCheckState>();
        services.AddSingleton<SelfCheckService>();
        services.AddHostedService(provider => provider.GetRequiredService<SelfCheckService>());
        services.AddHostedService<StatusPage.StatusPageService>();
        return services;
    }
}
