namespace SonLa.Monitor.Collector.Api.Description;

/// <summary>Describes an endpoint's JSON body and error answers (all <see cref="ApiError"/>) in one call each.</summary>
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

    /// <summary>
    /// The JSON body the endpoint reads, for the description only. Not <c>Accepts</c>: that also makes routing refuse
    /// other content types before the endpoint runs (a bare 415/404 instead of our one-line 400 answer).
    /// </summary>
    public static RouteHandlerBuilder ReadsJson<T>(this RouteHandlerBuilder builder, bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new JsonBodyDescription(typeof(T), optional));
    }
}

/// <summary>Endpoint metadata: the JSON body an endpoint reads itself (see <see cref="RouteDescriptionExtensions.ReadsJson"/>).</summary>
public sealed record JsonBodyDescription(Type Type, bool Optional);
