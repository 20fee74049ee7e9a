using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;

namespace SonLa.Monitor.Collector.History;

public static class HistoryServiceCollectionExtensions
{
    /// <summary>The InfluxQL reader behind the history, chart and events endpoints (<see cref="HistoryEndpoints"/>).</summary>
    public static IServiceCollection AddHistory(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<InfluxOptions>>().Value;
            // Its own client: a slow chart query must not hold up a write, and the other way round.
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)),
            };
            return new InfluxQueryClient(http, options);
        });
        services.AddSingleton<HistoryReader>();
        return services;
    }
}
