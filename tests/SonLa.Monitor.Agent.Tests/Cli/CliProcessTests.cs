using System.Diagnostics;
using System.Text;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Agent.Tests.Cli;

/// <summary>The built program as a child process: real exit codes, real UTF-8 stdout, no stack traces.</summary>
public class CliProcessTests(CliSnmpdFixture fixture) : IClassFixture<CliSnmpdFixture>
{
    // The agent as built in its own folder (with its own deps): the copy next to the tests shares their framework set.
    private static readonly string Program = BuiltProgram.AgentDll;

    [Fact]
    public async Task Timeout_Exit1_OneLine_NoStackTrace()
    {
        var port = FreePort.Udp();
        var result = await RunAsync("get", "-t", "0.3", "-r", "0", $"127.0.0.1:{port}", ".1.3.6.1.2.1.1.5.0");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        Assert.Equal($"Timeout: No Response from 127.0.0.1:{port} (timeout 0.3 s, 0 retries); a wrong community looks the same\n", result.StandardError);
    }

    [Fact]
    public async Task UsageError_Exit1_TwoLines_NoStackTrace()
    {
        var result = await RunAsync("walk", "-v", "9", "127.0.0.1", ".1.3");

        Assert.Equal(1, result.ExitCode);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("sonla-agent: -v: '9' is not an SNMP version (1, 2c or 3)", lines[0]);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunWithMissingConfig_Exit2_OneLine()
    {
        using var dir = new TempDirectory("sonla-cli-run");
        var missing = dir.File("agent.json");
        var result = await RunAsync("run", "--config", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"sonla-agent: configuration error: {missing}: config file not found\n", result.StandardError);
    }

    [Fact]
    public async Task GetJson_PrintsVietnameseAsUtf8_Exit0()
    {
        var result = await RunAsync("get", "--json", fixture.Address, $"{CliSnmpdFixture.Root}.3.0", $"{CliSnmpdFixture.Root}.1.0");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.StandardError);
        Assert.Equal(
            $"{{\"oid\":\"1.3.6.1.4.1.99999.3.0\",\"type\":\"OctetString\",\"hex\":\"58c3a320436869e1bb816e672043c6a169\",\"value\":\"{CliSnmpdFixture.Vietnamese}\"}}\n" +
            "{\"oid\":\"1.3.6.1.4.1.99999.1.0\",\"type\":\"Counter64\",\"value\":18446744073709551615}\n",
            result.StandardOutput);
    }

    [Fact]
    public async Task V1ErrorInPacket_Exit2()
    {
        var result = await RunAsync("get", "-v1", fixture.Address, ".1.3.6.1.2.1.1.99.0", ".1.3.6.1.2.1.1.5.0");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(".1.3.6.1.2.1.1.5.0 = STRING: \"tram-chieng-coi\"\n", result.StandardOutput);
        Assert.StartsWith("Error in packet: (noSuchName)", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interrupt_Exit130_Quietly()
    {
        var port = FreePort.Udp();
        using var process = Start("walk", "-t", "60", "-r", "0", $"127.0.0.1:{port}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // The request is in flight once the process has its UDP socket; then SIGINT, as Ctrl-C sends.
        await Poll.UntilAsync(() => HasUdpSocket(process.Id), TimeSpan.FromSeconds(30), "sonla-agent's UDP socket");
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await WaitAsync(process);
        Assert.Equal(130, process.ExitCode);
        Assert.Empty(await stderr);
        Assert.Empty(await stdout);
    }

    [Fact]
    public async Task ReaderGoesAway_WalkStops_Exit141_Quietly()
    {
        // The whole agent is far more than a pipe buffer: writing must notice the reader is gone.
        using var process = Start("walk", "-Cr50", fixture.Address, ".1");
        var stderr = process.StandardError.ReadToEndAsync();
        var first = await process.StandardOutput.ReadLineAsync();
        Assert.StartsWith(".1.3.6.1.2.1.1.1.0 = ", first, StringComparison.Ordinal);
        process.StandardOutput.Close();

        await WaitAsync(process);
        Assert.Equal("", await stderr);
        Assert.Equal(141, process.ExitCode);
    }

    private static bool HasUdpSocket(int pid)
    {
        try
        {
            var sockets = Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd")
                .Select(fd => new FileInfo(fd).LinkTarget ?? "")
                .Where(target => target.StartsWith("socket:[", StringComparison.Ordinal))
                .Select(target => target["socket:[".Length..^1])
                .ToHashSet();
            return File.ReadLines("/proc/net/udp").Concat(File.ReadLines("/proc/net/udp6"))
                .Skip(1)
                .Any(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 9 } fields && sockets.Contains(fields[9]));
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(DotNet())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    private static async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitAsync(process);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static async Task WaitAsync(Process process)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("sonla-agent did not exit.");
        }
    }

    private static string DotNet()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        return Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet"
            ? Environment.ProcessPath!
            : RequiredTool.Find("dotnet", "dotnet-sdk-10.0");
    }
}
