namespace SonLa.Monitor.Collector.Api.Description;

/// <summary>Describes an endpoint's error answers (all <see cref="ApiError"/>) in one call.</summary>
public static class RouteDescriptionExtensions
{
    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in statusCodes)
        {
            builder.Produces<ApiError>(status);
        }

        return builder;
    }
}
