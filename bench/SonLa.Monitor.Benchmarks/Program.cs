using SonLa.Monitor.Benchmarks;

// dotnet run -c Release --project bench/SonLa.Monitor.Benchmarks -- [codec|walk|traps|wire|all]
var mode = args.Length > 0 ? args[0] : "all";
if (mode is not ("codec" or "walk" or "traps" or "wire" or "all"))
{
    Console.Error.WriteLine("usage: SonLa.Monitor.Benchmarks [codec|walk|traps|wire|all]");
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

return 0;
