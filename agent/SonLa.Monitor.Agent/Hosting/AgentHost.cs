using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SonLa.Monitor.Agent.Clock;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Ping;
using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Agent.SelfCheck;
using SonLa.Monitor.Agent.Traps;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Hosting;

/// <summary>
/// <c>sonla-agent run --config FILE</c>: loads and validates the configuration (every problem reported at once, exit
/// code 2) and the outbox folder, then runs the polling, ping, trap, uplink and status jobs on the .NET Generic Host until Ctrl-C / SIGTERM
/// (systemd and Windows-service aware).
/// </summary>
public static class AgentHost
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitConfigurationError = 2;

    public static async Task<int> RunAsync(string configPath, string[] extraArgs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        extraArgs ??= [];
        AgentOptionsResult loaded;
        IConfigurationRoot configuration;
        try
        {
            configuration = AgentConfigurationLoader.Build(configPath, extraArgs);
            loaded = AgentConfigurationLoader.Load(configPath, extraArgs);
        }
        catch (ConfigFileException ex)
        {
            await Console.Error.WriteLineAsync($"sonla-agent: configuration error: {ex.Message}");
            return ExitConfigurationError;
        }

        if (!loaded.IsValid)
        {
            foreach (var error in loaded.Errors)
            {
                await Console.Error.WriteLineAsync($"sonla-agent: configuration error: {error}");
            }

            return ExitConfigurationError;
        }

        try
        {
            OutboxDirectory.Prepare(loaded.Options.Outbox.Directory);
        }
        catch (OutboxDirectoryException ex)
        {
            await Console.Error.WriteLineAsync($"sonla-agent: configuration error: Outbox:Directory: {ex.Message}");
            return ExitConfigurationError;
        }

        using var host = Build(loaded.Options, configuration, TimeProvider.System);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SonLa.Monitor.Agent");
        var identity = host.Services.GetRequiredService<AgentIdentity>();
        AgentLog.Starting(logger, identity.Version, identity.SiteId, loaded.Options.Devices.Count, loaded.Options.Collector.Url, identity.BootId);
        foreach (var warning in loaded.Warnings)
        {
            AgentLog.ConfigurationWarning(logger, warning);
        }

        try
        {
            await host.RunAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A job that cannot go on stops the host; the operator gets one line and a non-zero exit for systemd to restart.
            AgentLog.Fatal(logger, ex.GetType().Name, ex.Message);
            return ExitFailure;
        }

        AgentLog.Stopping(logger);
        return ExitOk;
    }

    /// <summary>The agent's host with every job registered (tests run it against their own collector and snmpd).</summary>
    public static IHost Build(AgentOptions options, IConfiguration configuration, TimeProvider time, UplinkSettings? uplinkSettings = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "sonla-agent",
            ContentRootPath = options.BaseDirectory,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            console.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.Services.AddSystemd();
        if (OperatingSystem.IsWindows())
        {
            builder.Services.AddWindowsService(service => service.ServiceName = "sonla-agent");
        }

        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(AgentIdentity.ForThisProcess(options.Site.Id, options.Site.Name ?? "",
            [.. options.Devices.Select(d => new MonitoredDevice(d.Name, d.Role, d.Host))]));
        builder.Services.AddSingleton<PollingCounters>();
        builder.Services.AddSingleton<TrapCounters>();
        builder.Services.AddSingleton(services => new AgentClock(time, new ClockSettings(), services.GetRequiredService<ILogger<AgentClock>>()));
        builder.Services.AddSingleton(services => new DiskOutbox(
            options.Outbox.Directory,
            options.Outbox.MaxMegabytes * 1024L * 1024L,
            options.Outbox.MaxBatches,
            time,
            services.GetRequiredService<ILogger<DiskOutbox>>()));
        builder.Services.AddSingleton<IOutbox>(services => services.GetRequiredService<DiskOutbox>());
        builder.Services.AddSingleton(services => new SampleBatcher(
            services.GetRequiredService<AgentIdentity>(), services.GetRequiredService<IOutbox>(), options.Collector.MaxBatchPoints,
            services.GetRequiredService<AgentClock>()));
        builder.Services.AddSingleton<ISampleSink>(services => new PowerEventGate(services.GetRequiredService<SampleBatcher>()));
        builder.Services.AddSingleton(_ => new CollectorChannels(options.Collector));

        builder.Services.AddHostedService<PollingService>();
        builder.Services.AddHostedService<PingProbeService>();
        builder.Services.AddHostedService<AgentStatusService>();
        builder.Services.AddSelfCheck();
        builder.Services.AddSingleton<TrapReceiverService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TrapReceiverService>());
        builder.Services.AddSingleton(services => new UplinkService(
            services.GetRequiredService<CollectorChannels>().Endpoints,
            services.GetRequiredService<AgentIdentity>(),
            services.GetRequiredService<IOutbox>(),
            options.Collector.Token.Reveal(),
            (uplinkSettings ?? new UplinkSettings()) with
            {
                HeartbeatInterval = TimeSpan.FromSeconds(options.Collector.HeartbeatSeconds),
                BacklogBytesPerSecond = options.Collector.BacklogKilobitsPerSecond * 1000L / 8,
            },
            time,
            services.GetRequiredService<ILogger<UplinkService>>(),
            services.GetRequiredService<AgentClock>(),
            services.GetRequiredService<ISelfCheckRequests>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<UplinkService>());
        return builder.Build();
    }
}
