using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Collector.Tests;

/// <summary>
/// The real collector (CollectorApp.Build) on Kestrel, h2c on 127.0.0.1 port 0, with two agents
/// configured. No WebApplicationFactory: the same code path as the shipped program.
/// </summary>
internal sealed class CollectorHost : IAsyncDisposable
{
    public const string SiteId = "chieng-coi";
    public const string Token = "tok-chieng-coi-0123456789abcdef";
    public const string OtherSiteId = "muong-bu";
    public const string OtherToken = "tok-muong-bu-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly TempDirectory? _state;

    private CollectorHost(WebApplication app, Uri address, TempDirectory? state)
    {
        _app = app;
        _state = state;
        Address = address;
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxSendMessageSize = null });
        Client = new AgentGateway.AgentGatewayClient(Channel);
        _http = new HttpClient
        {
            BaseAddress = address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public AgentGateway.AgentGatewayClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<CollectorHost> StartAsync(string influxUrl, params string[] extraArgs) =>
        StartAsync(influxUrl, null, extraArgs);

    public static Task<CollectorHost> StartAsync(string influxUrl, Action<IServiceCollection>? services, params string[] extraArgs) =>
        StartAsync(BaseArgs(influxUrl).Concat(
            ["--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", "--Kestrel:Endpoints:Grpc:Protocols=Http2"]).Concat(extraArgs).ToArray(),
            tls: false, services);

    public static string[] BaseArgs(string influxUrl) =>
    [
        "--Influx:Url=" + influxUrl,
        "--Influx:Database=sonla_monitor",
        "--Influx:TimeoutSeconds=5",
        "--Agents:0:SiteId=" + SiteId,
        "--Agents:0:Token=" + Token,
        "--Agents:1:SiteId=" + OtherSiteId,
        "--Agents:1:Token=" + OtherToken,
        "--Sites:0:Id=" + SiteId,
        "--Sites:0:Name=Xã Chiềng Cơi",
        "--Sites:1:Id=" + OtherSiteId,
        "--Sites:1:Name=Xã Mường Bú",
        "--Logging:LogLevel:Default=Warning",
    ];

    public static async Task<CollectorHost> StartAsync(string[] args, bool tls, Action<IServiceCollection>? services = null)
    {
        // Every host gets its own state database unless the test names one (e.g. to restart on the same state).
        TempDirectory? state = null;
        if (!args.Any(a => a.StartsWith("--State:Path=", StringComparison.Ordinal)))
        {
            state = new TempDirectory();
            args = [.. args, "--State:Path=" + state.File("collector-state.db")];
        }

        var app = CollectorApp.Build(args, services);
        await app.StartAsync();
        var address = new Uri(app.Urls.Single(u => u.StartsWith(tls ? "https://" : "http://", StringComparison.Ordinal)));
        return new CollectorHost(app, address, state);
    }

    public AsyncDuplexStreamingCall<AgentMessage, CollectorMessage> Connect(string token) =>
        Client.Connect(new Metadata { { "authorization", "Bearer " + token } },
            cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

    public async Task<JsonElement> HealthAsync() =>
        await _http.GetFromJsonAsync<JsonElement>("/healthz");

    public Task<string> MetricsAsync() => _http.GetStringAsync("/metrics");

    /// <summary>One labelled series' value from /metrics, e.g. name{site="chieng-coi"}.</summary>
    public Task<long> SiteMetricAsync(string name, string siteId) => MetricAsync(name + "{site=\"" + siteId + "\"}");

    /// <summary>One counter's value from /metrics.</summary>
    public async Task<long> MetricAsync(string name)
    {
        foreach (var line in (await MetricsAsync()).Split('\n'))
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                return long.Parse(line[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"metric {name} not in /metrics");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _state?.Dispose();
    }
}
