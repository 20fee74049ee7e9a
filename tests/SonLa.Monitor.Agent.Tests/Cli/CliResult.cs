using SonLa.Monitor.Agent.Cli;

namespace SonLa.Monitor.Agent.Tests.Cli;

/// <summary>What one in-process run of the command line printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string[] OutputLines => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] ErrorLines => StandardError.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
