using Microsoft.Extensions.Options;

namespace SonLa.Monitor.Collector.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Channels (<c>Notifications</c> section), the SQLite-backed dispatcher as <see cref="INotificationDispatcher"/>
    /// and hosted service, the delivery log (<see cref="IDeliveryLog"/>) and <see cref="NotificationMetrics"/>.
    /// Needs the collector's <c>StateDatabase</c> and <c>TimeProvider</c>.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.AddSingleton<NotificationMetrics>();
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<IDeliveryLog>(sp => sp.GetRequiredService<NotificationStore>());
        services.AddSingleton<NotificationChannels>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<INotificationDispatcher>(sp => sp.GetRequiredService<NotificationDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        return services;
    }
}
