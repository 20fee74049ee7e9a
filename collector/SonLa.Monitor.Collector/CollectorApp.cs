using System.Reflection;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Alerts.Outages;
using SonLa.Monitor.Collector.Api;
using SonLa.Monitor.Collector.Api.Description;
using SonLa.Monitor.Collector.Auth;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Diagnostics;
using SonLa.Monitor.Collector.History;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Collector.Sites;
using SonLa.Monitor.Collector.State;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Collector.Web;

namespace SonLa.Monitor.Collector;

/// <summary>
/// Builds and runs sonla-collector. <see cref="Build"/> is what Program and the tests share: the
/// tests start the real app on Kestrel (127.0.0.1 port 0) and read the bound address back.
/// </summary>
public static class CollectorApp
{
    /// <summary>Exit code for a configuration the collector refuses to start with.</summary>
    public const int ConfigurationErrorExitCode = 2;

    /// <summary>Exit code for any other start-up failure (port in use, certificate not found...).</summary>
    public const int StartupErrorExitCode = 3;

    /// <summary>HTTP/2 keep-alive ping delay unless Kestrel:Limits:Http2:KeepAlivePingDelay is set.</summary>
    public const int DefaultKeepAlivePingSeconds = 30;

    /// <param name="args">Command-line configuration.</param>
    /// <param name="configureServices">Extra services after ours, e.g. an <see cref="IBatchObserver"/>.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        ConfigureServices(builder);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGrpcService<AgentGatewayService>();
        app.MapDiagnostics();
        app.UseWebUi();
        app.UseSonLaAuth();
        app.MapAlertApi();
        app.MapSelfCheckRequestEndpoints();
        app.MapSiteEndpoints();
        app.MapHistoryApi();
        app.MapApiDescription();
        return app;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException)
        {
            // Unreadable appsettings.json, a value that does not convert, ...: one line, no stack trace.
            await Console.Error.WriteLineAsync($"sonla-collector: configuration error: {OneLine(ex.Message)}");
            return ConfigurationErrorExitCode;
        }

        await using (app)
        {
            var problems = ConfigurationProblems(app.Services);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync($"sonla-collector: configuration error: {problem}");
                }

                return ConfigurationErrorExitCode;
            }

            try
            {
                await app.StartAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                foreach (var line in Describe(ex))
                {
                    await Console.Error.WriteLineAsync($"sonla-collector: cannot start: {line}");
                }

                return StartupErrorExitCode;
            }

            var influx = app.Services.GetRequiredService<IOptions<InfluxOptions>>().Value;
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SonLa.Monitor.Collector");
            var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
            if (endpoints.GrpcCapable == 0)
            {
                foreach (var (key, url) in endpoints.CleartextWithoutHttp2)
                {
                    CollectorLog.CleartextWithoutHttp2(logger, key, url);
                }
            }

            CollectorLog.Starting(logger,
                Version, app.Services.GetRequiredService<AgentAuthenticator>().Count, influx.IsVersion2 ? "2" : "1",
                app.Services.GetRequiredService<IMetricWriter>().Target);
            await app.WaitForShutdownAsync();
            return 0;
        }
    }

    /// <summary>Every configuration problem of every section, each "Key:Path: reason".</summary>
    public static IReadOnlyList<string> ConfigurationProblems(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var problems = new List<string>();
        Collect<EndpointOptions>(services, problems);
        Collect<InfluxOptions>(services, problems);
        Collect<AccessOptions>(services, problems);
        Collect<IngestOptions>(services, problems);
        Collect<AlertingOptions>(services, problems);
        Collect<OutageOptions>(services, problems);
        Collect<NotificationOptions>(services, problems);
        Collect<AuthOptions>(services, problems);
        return problems;
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // We print start-up failures ourselves, one line each; the host would repeat them with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // grpc-dotnet logs an agent's routine disconnect ("The client reset the request stream") at Information with a
        // stack trace; AgentGatewayService says it in one line. Its real errors (Warning and up) still show.
        builder.Logging.AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Warning);

        // Agents sit behind NAT and 4G links that drop idle flows silently: HTTP/2 pings find dead
        // streams (and free their slot in connected_agents). Kestrel:Limits:Http2:* overrides these.
        if (configuration["Kestrel:Limits:Http2:KeepAlivePingDelay"] is null)
        {
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(DefaultKeepAlivePingSeconds);
                kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(DefaultKeepAlivePingSeconds * 2);
            });
        }

        services.AddSingleton(TimeProvider.System);
        services.AddOptions<InfluxOptions>().Bind(configuration.GetSection(InfluxOptions.SectionName)).ValidateOnStart();
        services.AddOptions<AccessOptions>().Bind(configuration).ValidateOnStart();
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.SectionName)).ValidateOnStart();
        services.AddOptions<EndpointOptions>().Configure(o => EndpointOptions.Collect(configuration, o)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InfluxOptions>, InfluxOptionsValidator>();
        services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        services.AddSingleton<IValidateOptions<EndpointOptions>, EndpointOptionsValidator>();

        services.AddSingleton<CollectorMetrics>();
        services.AddSingleton(sp => new LogThrottle(sp.GetRequiredService<TimeProvider>(), TimeSpan.FromMinutes(1)));
        services.AddSingleton<StorageHealth>();
        services.AddSingleton<AgentAuthenticator>();
        services.AddSingleton<IMetricWriter>(CreateWriter);
        services.AddHostedService<StorageProbeService>();
        services.AddSingleton<WriteCoalescer>();
        services.AddHostedService(sp => sp.GetRequiredService<WriteCoalescer>());
        services.AddSingleton<SequenceAccounting>();
        services.AddAgentSessions();
        services.AddOptions<StateOptions>().Bind(configuration.GetSection(StateOptions.SectionName));
        services.AddSingleton<StateDatabase>();
        services.AddNotifications(configuration);
        services.AddOutages(configuration);
        services.AddAlerting(configuration);
        services.AddSonLaAuth(configuration);
        services.AddWebUi();
        services.AddSites();
        services.AddHistory();
        services.AddApiDescription();

        services.AddGrpc();
        services.AddOptions<GrpcServiceOptions>().Configure<IOptions<IngestOptions>>((grpc, ingest) =>
        {
            grpc.MaxReceiveMessageSize = MaxMessageBytes(ingest);
            // Details of unexpected server errors stay in our log, not in the agent's hands.
            grpc.EnableDetailedErrors = false;
        });
    }

    // Read while endpoints are mapped, before the start-up report: a bad value falls back to the
    // default here and is reported with all the other problems.
    private static int MaxMessageBytes(IOptions<IngestOptions> ingest)
    {
        try
        {
            return ingest.Value.MaxMessageBytes;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            return IngestOptions.DefaultMaxMessageBytes;
        }
    }

    private static IMetricWriter CreateWriter(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<InfluxOptions>>().Value;
        if (options.IsVersion2)
        {
            return new Influx2Writer(options);
        }

        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        };
        return new Influx1Writer(http, options);
    }

    private static void Collect<T>(IServiceProvider services, List<string> problems)
        where T : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<T>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            problems.AddRange(ex.Failures.Select(OneLine));
        }
        catch (InvalidOperationException ex)
        {
            // The binder could not convert a value ("Failed to convert configuration value at 'Influx:TimeoutSeconds'...").
            problems.Add(OneLine(ex.Message));
        }
    }

    private static IEnumerable<string> Describe(Exception ex) => ex switch
    {
        OptionsValidationException validation => validation.Failures.Select(OneLine),
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Describe),
        _ when ex.InnerException is not null && ex.Message.Length == 0 => Describe(ex.InnerException),
        _ => [OneLine(ex.Message)],
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static string Version =>
        typeof(CollectorApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
