using SonLa.Monitor.Benchmarks;

// dotnet run -c Release --project bench/SonLa.Monitor.Benchmarks -- [codec|walk|traps|wire|outbox|drain|alerts|selfcheck|sites|all]
var mode = args.Length > 0 ? args[0] : "all";
if (mode is not ("codec" or "walk" or "traps" or "wire" or "outbox" or "drain" or "alerts" or "selfcheck" or "sites" or "all"))
{
    Console.Error.WriteLine("usage: SonLa.Monitor.Benchmarks [codec|walk|traps|wire|outbox|drain|alerts|selfcheck|sites|all]");
    return 2;
}

if (mode is "codec" or "all")
{
    CodecBench.Run();
}

if (mode is "walk" or "all")
{
    await WalkBench.RunAsync();
}

if (mode is "traps" or "all")
{
    await TrapBench.RunAsync();
}

if (mode is "wire" or "all")
{
    WireBench.Run();
}

if (mode is "outbox" or "all")
{
    OutboxBench.Run();
}

// Benches hosting the collector run with its runtime settings (see CollectorRuntime), in a child process when this one has not.
if (mode is "drain" or "alerts" or "sites" && !CollectorRuntime.IsActive)
{
    return await CollectorRuntime.RunChildAsync(args);
}

if (mode is "all" && !CollectorRuntime.IsActive)
{
    foreach (var collectorMode in new[] { "drain", "alerts", "sites" })
    {
        if (await CollectorRuntime.RunChildAsync([collectorMode]) is var code and not 0)
        {
            return code;
        }
    }
}

if (mode is "drain" or "all" && CollectorRuntime.IsActive)
{
    // drain [WINDOW] [nogzip] [days=N]: WINDOW = unacknowledged backlog messages the agent keeps in flight (its window less
    // the live reserve); N = days of the site replayed per round (default 6: phases of several seconds, not one).
    var window = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var w) && w > 0
        ? w
        : SonLa.Monitor.Agent.Uplink.UplinkSettings.DefaultWindow - SonLa.Monitor.Agent.Uplink.UplinkSettings.DefaultLiveReserve;
    var gzip = !args.Contains("nogzip");
    var days = args.FirstOrDefault(a => a.StartsWith("days=", StringComparison.Ordinal)) is { } d
        && int.TryParse(d.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 30
        ? n
        : 6;
    // First with every process on every core (this machine as it is), then as if InfluxDB had its own host. The second
    // pins this process for good, so it comes last.
    await DrainBench.RunAsync(window, gzip, separateCores: false, days);
    await DrainBench.RunAsync(window, gzip, separateCores: true, days);
}

if (mode is "alerts" or "all" && CollectorRuntime.IsActive)
{
    await AlertBench.RunAsync();
}

if (mode is "selfcheck" or "all")
{
    await SelfCheckBench.RunAsync();
}

if (mode is "sites" or "all" && CollectorRuntime.IsActive)
{
    await SitesBench.RunAsync();
}

return 0;
