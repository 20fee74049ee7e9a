using SonLa.Monitor.Agent.Cli;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Agent.Tests.Cli;

/// <summary>Dispatch, help, and the failures that need no agent to answer.</summary>
public class CliAppTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_DocumentsCommandsAndExitCodes(string flag)
    {
        var result = await CliResult.RunAsync(flag);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sonla-agent walk", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("130", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.StandardError);
    }

    [Fact]
    public async Task WalkHelp_PrintsUsage()
    {
        var result = await CliResult.RunAsync("walk", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-Cr N", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheAssemblyVersion()
    {
        var result = await CliResult.RunAsync("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("sonla-agent 0.1.0", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task NoCommand_IsAUsageError()
    {
        var result = await CliResult.RunAsync();
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal(["sonla-agent: missing command", UsageText.Hint(null)], result.ErrorLines);
    }

    [Theory]
    [InlineData("frob", "sonla-agent: unknown command 'frob'")]
    [InlineData("--frob=x", "sonla-agent: unknown option --frob")]
    public async Task UnknownCommand_OneLinePlusUsageHint(string command, string expected)
    {
        var result = await CliResult.RunAsync(command);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal([expected, UsageText.Hint(null)], result.ErrorLines);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task BadFlag_OneLinePlusTheCommandsUsage()
    {
        var result = await CliResult.RunAsync("get", "-Q", "127.0.0.1", ".1.3");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["sonla-agent: unknown option -Q for 'get'", UsageText.Hint("get")], result.ErrorLines);
    }

    [Fact]
    public async Task SelfCheck_MissingConfig_FailedConfigCheck_Exit2()
    {
        var result = await CliResult.RunAsync("selfcheck", "--config", "/nonexistent/agent.json", "--lang", "en");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("config file not found", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.ErrorLines);
    }

    [Fact]
    public async Task V3Request_NoAnswer_TimeoutLineWithoutSecretsOrCommunityHint()
    {
        var port = FreePort.Udp();
        var result = await CliResult.RunAsync("get", "-v3", "-u", "mon", "-l", "authPriv", "-a", "SHA-256", "-A", "auth-Phrase-1",
            "-x", "AES", "-X", "priv-Phrase-2", "-t", "0.3", "-r", "0", $"127.0.0.1:{port}", ".1.3.6.1.2.1.1.3.0");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"Timeout: No Response from 127.0.0.1:{port} (timeout 0.3 s, 0 retries)"], result.ErrorLines);
    }

    [Theory]
    [InlineData("127.0.0.1:notaport", "Bad HOST[:PORT]: '127.0.0.1:notaport': 'notaport' is not a port from 1 to 65535.")]
    [InlineData("127.0.0.1:70000", "Bad HOST[:PORT]: '127.0.0.1:70000': '70000' is not a port from 1 to 65535.")]
    [InlineData("[::1:161", "Bad HOST[:PORT]: '[::1:161': missing ']'.")]
    [InlineData("tcp:127.0.0.1:161", "Bad HOST[:PORT]: 'tcp:127.0.0.1:161': only UDP transport is supported.")]
    public async Task UnparsableHost_OneLine(string host, string expected)
    {
        var result = await CliResult.RunAsync("get", "-c", "TopSecretCommunity", host, ".1.3.6.1.2.1.1.5.0");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal([expected], result.ErrorLines);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task UnresolvableHost_OneLine()
    {
        // RFC 2606 reserves .invalid: it never resolves.
        var result = await CliResult.RunAsync("walk", "no-such-device.invalid", ".1.3.6.1.2.1.1");
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("Unknown host (no-such-device.invalid): ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_Exits130Quietly()
    {
        // Nobody answers on this port and the timeout is long: only the cancellation can end the walk.
        var port = FreePort.Udp();
        using var cancellation = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var run = CliApp.RunAsync(["walk", "-t", "60", "-r", "0", $"127.0.0.1:{port}"], stdout, stderr, cancellation.Token);
        await cancellation.CancelAsync();
        Assert.Equal(ExitCodes.Cancelled, await run);
        Assert.Empty(stderr.ToString());
        Assert.Empty(stdout.ToString());
    }

    [Fact]
    public async Task Run_UnexpectedArgument_IsAUsageError()
    {
        var result = await CliResult.RunAsync("run", "agent.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("sonla-agent: unexpected argument 'agent.json' for 'run' (overrides are --Section:Key=value)", result.ErrorLines[0]);
    }

    [Fact]
    public async Task Run_MissingConfigFile_IsTheHostsConfigurationError_Exit2()
    {
        using var dir = new TempDirectory("sonla-cli-run");
        var result = await CliResult.RunAsync("run", "--config", dir.File("missing.json"), "--Collector:Url", "http://127.0.0.1:1");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task RunHelp_PrintsUsage()
    {
        var result = await CliResult.RunAsync("run", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(UsageText.RunSynopsis, result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConfigWithoutFile_IsAUsageError()
    {
        var result = await CliResult.RunAsync("run", "--config");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("sonla-agent: --config needs a file (--config agent.json)", result.ErrorLines[0]);
    }
}
