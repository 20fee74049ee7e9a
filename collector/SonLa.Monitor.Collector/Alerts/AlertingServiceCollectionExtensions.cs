using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Alerts.Outages;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Collector.State;

namespace SonLa.Monitor.Collector.Alerts;

public static class AlertingServiceCollectionExtensions
{
    /// <summary>The alert engine (<c>Alerts</c> section): observer of batches and presence, hosted loop, <see cref="IAlertBook"/>.</summary>
    public static IServiceCollection AddAlerting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AlertingOptions>().Bind(configuration.GetSection(AlertingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertingOptions>, AlertingOptionsValidator>();
        services.AddSingleton(sp => new AlertStore(sp.GetRequiredService<StateDatabase>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AlertingOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            AlertEvaluator Create() => new(
                options,
                sp.GetRequiredService<IOptions<IngestOptions>>().Value.HeartbeatIntervalSeconds,
                sp.GetRequiredService<AlertStore>(),
                sp.GetService<INotificationDispatcher>(),
                sp.GetService<IOutageRecorder>(),
                sp.GetRequiredService<IOptions<AccessOptions>>().Value.Sites,
                time,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<AlertEvaluator>(),
                sp.GetRequiredService<IOptions<AccessOptions>>().Value.Agents.Select(a => a.SiteId ?? "").ToList());
            return new AlertEngine(Create, sp.GetRequiredService<AlertStore>(), time,
                TimeSpan.FromSeconds(options.EvaluationSeconds), sp.GetRequiredService<ILogger<AlertEngine>>(),
                sp.GetService<IHostApplicationLifetime>());
        });
        services.AddHostedService(sp => sp.GetRequiredService<AlertEngine>());
        services.AddSingleton<IBatchObserver>(sp => sp.GetRequiredService<AlertEngine>());
        services.AddSingleton<ISitePresenceObserver>(sp => sp.GetRequiredService<AlertEngine>());
        services.AddSingleton<IAlertBook>(sp => sp.GetRequiredService<AlertEngine>());
        services.AddSingleton<IAlertSummary>(sp => sp.GetRequiredService<AlertEngine>());
        return services;
    }
}
