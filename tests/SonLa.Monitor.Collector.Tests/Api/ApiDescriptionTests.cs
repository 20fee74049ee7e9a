using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Api.Description;
using SonLa.Monitor.Collector.Tests.Auth;

namespace SonLa.Monitor.Collector.Tests.Api;

/// <summary>The OpenAPI description: served without a login, and describing every JSON API route the app maps.</summary>
public class ApiDescriptionTests
{
    [Fact]
    public async Task EveryApiRouteIsDescribed_WithItsMethod_AndSnakeCaseAnswers()
    {
        await using var host = await ApiHost.StartAsync();
        var anonymous = host.NewSession();
        var answer = await anonymous.GetAsync(ApiDescriptionExtensions.DocumentPath);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var paths = answer.Json.GetProperty("paths");

        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: Normalize(e.RoutePattern.RawText!), Method: m)))
            .ToList();
        Assert.Contains(mapped, r => r.Path == "/api/alerts");

        var missing = mapped
            .Where(r => !paths.TryGetProperty(r.Path, out var item) || !item.TryGetProperty(r.Method.ToLowerInvariant(), out _))
            .Select(r => $"{r.Method} {r.Path}")
            .ToList();
        Assert.True(missing.Count == 0, "not described: " + string.Join(", ", missing));

        // Answers are described as they are written: snake_case.
        var alertList = paths.GetProperty("/api/alerts").GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.Contains("application/json", alertList.GetProperty("content").EnumerateObject().Select(c => c.Name));
        var schemas = answer.Json.GetProperty("components").GetProperty("schemas");
        var alertView = schemas.GetProperty("AlertView").GetProperty("properties");
        Assert.True(alertView.TryGetProperty("site_name", out _), alertView.ToString());
        Assert.False(alertView.TryGetProperty("siteName", out _));
        Assert.Equal("integer", alertView.GetProperty("id").GetProperty("type").GetString());
        var login = paths.GetProperty("/api/login").GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema").GetProperty("properties");
        Assert.True(login.TryGetProperty("password", out _), login.ToString());
        // The acknowledgement's comment is optional, and so is its body.
        var ack = paths.GetProperty("/api/alerts/{id}/ack").GetProperty("post");
        Assert.False(ack.GetProperty("requestBody").TryGetProperty("required", out var required) && required.GetBoolean());
        // gRPC and the diagnostics endpoints are described elsewhere.
        Assert.DoesNotContain(paths.EnumerateObject(), p => !p.Name.StartsWith("/api/", StringComparison.Ordinal));
    }

    // "/api/alerts/{id:long}/ack" → "/api/alerts/{id}/ack", as OpenAPI writes route parameters.
    private static string Normalize(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^}:=?]+)[^}]*\}", "{$1}").TrimEnd('/');
}
