namespace SonLa.Monitor.Collector.Ingest;

/// <summary>The registry of open agent streams (one line in CollectorApp).</summary>
public static class AgentSessionsServiceCollectionExtensions
{
    public static IServiceCollection AddAgentSessions(this IServiceCollection services)
    {
        services.AddSingleton<AgentSessions>();
        services.AddSingleton<IAgentSessions>(sp => sp.GetRequiredService<AgentSessions>());
        return services;
    }
}
