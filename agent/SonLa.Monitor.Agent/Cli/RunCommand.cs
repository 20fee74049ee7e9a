namespace SonLa.Monitor.Agent.Cli;

/// <summary><c>sonla-agent run [--config FILE] [--Section:Key=value ...]</c>: hands over to the agent host.</summary>
internal static class RunCommand
{
    /// <summary>As documented: agent.json in the working directory.</summary>
    public const string DefaultConfigPath = "agent.json";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stderr, CancellationToken cancellationToken)
    {
        var configPath = DefaultConfigPath;
        var extra = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--config")
            {
                if (i + 1 >= args.Count || args[i + 1].Length == 0)
                {
                    throw new CliUsageException("--config needs a file (--config agent.json)");
                }

                configPath = args[++i];
            }
            else if (arg.StartsWith("--config=", StringComparison.Ordinal))
            {
                configPath = arg["--config=".Length..];
                if (configPath.Length == 0)
                {
                    throw new CliUsageException("--config needs a file (--config agent.json)");
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                // Configuration overrides (--Collector:Url=...) go to the host's command-line source.
                extra.Add(arg);
            }
            else
            {
                throw new CliUsageException($"unexpected argument '{arg}' for 'run' (overrides are --Section:Key=value)");
            }
        }

        return await StartHostAsync(configPath, extra, stderr, cancellationToken);
    }

    private static async Task<int> StartHostAsync(string configPath, List<string> extra, TextWriter stderr, CancellationToken cancellationToken)
    {
        _ = configPath;
        _ = extra;
        cancellationToken.ThrowIfCancellationRequested();
        await stderr.WriteLineAsync("run: not available yet");
        return ExitCodes.Failure;
    }
}
