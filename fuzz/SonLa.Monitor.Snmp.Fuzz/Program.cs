using SharpFuzz;
using SonLa.Monitor.Snmp.Fuzz;

// afl-fuzz runs us as `dotnet SonLa.Monitor.Snmp.Fuzz.dll` (SharpFuzz out-of-process protocol);
// `--replay FILE...` runs saved inputs without afl (triage of crashers: prints the exception).
if (args.Length > 0 && args[0] == "--replay")
{
    var failures = 0;
    foreach (var path in args.Skip(1))
    {
        try
        {
            var decoded = HostileDatagram.Process(Datagram.Read(File.OpenRead(path)));
            Console.WriteLine($"ok    {path} ({decoded} decoder(s) accepted it)");
        }
#pragma warning disable CA1031 // triage reports every failure and goes on
        catch (Exception e)
#pragma warning restore CA1031
        {
            failures++;
            Console.WriteLine($"CRASH {path}: {e.GetType().Name}: {e.Message}");
            Console.WriteLine(e.StackTrace);
        }
    }

    return failures == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream => HostileDatagram.Process(Datagram.Read(stream)));
return 0;
