using System.Diagnostics;
using System.Runtime;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// The collector's runtime settings differ from the agent's: the server garbage collector (the Web SDK's default; the
/// agent's project asks for the workstation one) and thread-pool workers that do not spin while idle
/// (<c>System.Threading.ThreadPool.UnfairSemaphoreSpinLimit</c> = 0 in its project: the spinning took CPU from an
/// InfluxDB on the same host). A bench that hosts the collector in this process runs in a child process of this same
/// program with those settings, so it measures the collector as it runs. With the workstation GC a backlog drain spent
/// a fifth of its time in garbage collections the real collector never does.
/// </summary>
public static class CollectorRuntime
{
    public static bool IsActive => GCSettings.IsServerGC;

    /// <summary>Runs this program again with <paramref name="args"/> and the collector's settings; its exit code.</summary>
    public static async Task<int> RunChildAsync(IReadOnlyList<string> args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        // Started as `dotnet SonLa.Monitor.Benchmarks.dll`: the child needs the dll again; as the apphost, it does not.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CollectorRuntime).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("the benchmark's child did not start");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
