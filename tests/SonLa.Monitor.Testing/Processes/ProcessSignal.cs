using System.Diagnostics;
using System.Globalization;

namespace SonLa.Monitor.Testing.Processes;

/// <summary>Graceful stops of child processes, as a service manager does them (SIGTERM, then wait).</summary>
public static class ProcessSignal
{
    /// <summary>Sends SIGTERM and waits for the exit; returns the exit code. A process still running at the
    /// deadline is killed and the wait fails with a <see cref="TimeoutException"/>.</summary>
    public static async Task<int> TerminateAsync(ChildProcess process, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.HasExited)
        {
            return await process.WaitForExitAsync(deadline);
        }

        // .NET has no API to send SIGTERM to another process; kill(1) does it without P/Invoke.
        var info = new ProcessStartInfo(RequiredTool.Find("kill", "procps"))
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("-TERM");
        info.ArgumentList.Add(process.Pid.ToString(CultureInfo.InvariantCulture));
        using (var kill = Process.Start(info)!)
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            return await process.WaitForExitAsync(deadline);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"pid {process.Pid} did not exit within {deadline.TotalSeconds:0} s of SIGTERM.");
        }
    }
}
