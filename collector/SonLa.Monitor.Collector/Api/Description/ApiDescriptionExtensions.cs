using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SonLa.Monitor.Collector.Auth;

namespace SonLa.Monitor.Collector.Api.Description;

/// <summary>
/// The OpenAPI description of the JSON API, generated from the mapped endpoints (so it cannot drift from them) and
/// served without a login at <see cref="DocumentPath"/>: it describes, it grants nothing. Only <c>/api/*</c> routes are
/// in it (gRPC is described by <c>proto/</c>; /healthz and /metrics by the operator guide).
/// </summary>
public static class ApiDescriptionExtensions
{
    public const string DocumentName = "v1";

    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddApiDescription(this IServiceCollection services)
    {
        // The description's schemas come from these options; our JSON contexts read numbers strictly (no "12" for 12),
        // and so must the description say.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        return services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeBodyAsync);
            options.AddSchemaTransformer((schema, _, _) =>
            {
                SnakeCase(schema);
                return Task.CompletedTask;
            });
        });
    }

    public static IEndpointRouteBuilder MapApiDescription(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath).AllowAnonymous();
        return endpoints;
    }

    private static async Task DescribeBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var body = context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonBodyDescription>().FirstOrDefault();
        if (body is null)
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = !body.Optional,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "SonLa.Monitor collector API",
            Version = typeof(ApiDescriptionExtensions).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
            Description = "Sites, alerts, events and chart history of the monitored communes. Sign in with POST /api/login "
                + $"(the {AuthSchemes.SessionCookieName} cookie; send the csrf_token in the {AuthSchemes.AntiforgeryHeaderName} "
                + "header on POST/DELETE) or use a bearer token from POST /api/tokens. Roles: viewer reads all, admin also "
                + "acknowledges and manages maintenance windows, site reads only its own site. See docs/api.md.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            ["session"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = AuthSchemes.SessionCookieName,
                Description = "The cookie POST /api/login sets.",
            },
            ["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A token from POST /api/tokens.",
            },
        };
    }

    // Every API type is written snake_case by its source-generated context (see ApiJsonContext); the generator reads
    // the host's default (camelCase) options, so the names are put right here.
    private static void SnakeCase(OpenApiSchema schema)
    {
        if (schema.Properties is not { Count: > 0 } properties)
        {
            return;
        }

        var renamed = properties.ToDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Key), p => p.Value, StringComparer.Ordinal);
        properties.Clear();
        foreach (var (name, value) in renamed)
        {
            properties[name] = value;
        }

        if (schema.Required is { Count: > 0 } required)
        {
            var names = required.Select(JsonNamingPolicy.SnakeCaseLower.ConvertName).ToList();
            required.Clear();
            foreach (var name in names)
            {
                required.Add(name);
            }
        }
    }
}
