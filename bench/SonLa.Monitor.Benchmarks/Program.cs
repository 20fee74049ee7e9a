using SonLa.Monitor.Benchmarks;

// dotnet run -c Release --project bench/SonLa.Monitor.Benchmarks -- [codec|walk|traps|wire|outbox|all]
var mode = args.Length > 0 ? args[0] : "all";
if (mode is not ("codec" or "walk" or "traps" or "wire" or "outbox" or "all"))
{
    Console.Error.WriteLine("usage: SonLa.Monitor.Benchmarks [codec|walk|traps|wire|outbox|all]");
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

return 0;
