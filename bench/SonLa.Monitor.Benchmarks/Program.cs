using SonLa.Monitor.Benchmarks;

// dotnet run -c Release --project bench/SonLa.Monitor.Benchmarks -- [codec|walk|all]
var mode = args.Length > 0 ? args[0] : "all";
if (mode is not ("codec" or "walk" or "all"))
{
    Console.Error.WriteLine("usage: SonLa.Monitor.Benchmarks [codec|walk|all]");
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

return 0;
