using System.Diagnostics;
using System.Globalization;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// InfluxDB on the last core, this process (collector and the emulated agent) on the others: what separate hosts give,
/// on one machine. Both the ceiling and the drain then get the same InfluxDB, so their ratio says what the collector's
/// pipeline costs InfluxDB, not how much CPU the two fight over.
/// </summary>
public static class CoreSplit
{
    public static void Apply(int influxPid)
    {
        var cores = Environment.ProcessorCount;
        if (cores < 2)
        {
            Console.WriteLine("  (one core: influxd and the collector share it)");
            return;
        }

        var last = cores - 1;
        Pin(influxPid, last.ToString(CultureInfo.InvariantCulture));
        Pin(Environment.ProcessId, last == 1 ? "0" : $"0-{last - 1}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  influxd pinned to core {last}, collector and agent emulation to the other {last} core(s)"));
    }

    // taskset -a: every thread of the process, not only its main one.
    private static void Pin(int pid, string cores)
    {
        using var taskset = Process.Start(new ProcessStartInfo("taskset", ["-a", "-c", "-p", cores, pid.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("taskset did not start");
        taskset.WaitForExit();
        if (taskset.ExitCode != 0)
        {
            throw new InvalidOperationException($"taskset failed for pid {pid}: {taskset.StandardError.ReadToEnd()}");
        }
    }
}
