using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace SonLa.Monitor.Collector.Tests.Storage;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 port 0 that records every request and answers with a
/// configurable status, for contract tests of HTTP clients whose real server is not installed here.
/// </summary>
internal sealed class RecordingHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingHttpServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int Status { get; set; } = StatusCodes.Status204NoContent;

    public string ResponseBody { get; set; } = "";

    public Dictionary<string, string> ResponseHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string Url => _app.Urls.Single();

    public static async Task<RecordingHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        var server = new RecordingHttpServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            server.Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
            context.Response.StatusCode = server.Status;
            foreach (var (name, value) in server.ResponseHeaders)
            {
                context.Response.Headers[name] = value;
            }

            if (server.ResponseBody.Length > 0)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(server.ResponseBody);
            }
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
