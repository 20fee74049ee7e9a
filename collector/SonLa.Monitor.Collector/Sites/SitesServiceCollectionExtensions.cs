using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Ingest;

namespace SonLa.Monitor.Collector.Sites;

public static class SitesServiceCollectionExtensions
{
    /// <summary>The sites read model (<see cref="SiteBoard"/>, fed by the agent streams), its loop and the live hub.</summary>
    public static IServiceCollection AddSites(this IServiceCollection services)
    {
        services.AddSingleton<SiteLastSeenStore>();
        services.AddSingleton(sp => new SiteBoard(
            sp.GetRequiredService<IOptions<AccessOptions>>(),
            sp.GetRequiredService<IOptions<IngestOptions>>(),
            sp.GetRequiredService<SiteLastSeenStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IAlertSummary>(),
            sp.GetRequiredService<ILogger<SiteBoard>>()));
        services.AddSingleton<ISitePresenceObserver>(sp => sp.GetRequiredService<SiteBoard>());
        services.AddSingleton<IBatchObserver>(sp => sp.GetRequiredService<SiteBoard>());
        services.AddSingleton<SiteLiveHub>();
        services.AddHostedService(sp => new SiteBoardService(
            sp.GetRequiredService<SiteBoard>(),
            sp.GetRequiredService<SiteLiveHub>(),
            sp.GetRequiredService<SiteLastSeenStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<SiteBoardService>>(),
            sp.GetService<IAlertSummary>()));
        return services;
    }
}
