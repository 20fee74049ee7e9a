using SonLa.Monitor.Agent.Hosting;

namespace SonLa.Monitor.Agent.Cli;

/// <summary><c>sonla-agent run [--config FILE] [--Section:Key=value ...]</c>: hands over to the agent host.</summary>
internal static class RunCommand
{
    /// <summary>As documented: agent.json in the working directory.</summary>
    public const string DefaultConfigPath = "agent.json";

    /// <summary>Starts the agent; null when help was asked for.</summary>
    public static async Task<int?> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var configPath = DefaultConfigPath;
        var extra = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return null;
            }

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
                // Configuration overrides (--Collector:Url=... or --Collector:Url ...) go to the host's command-line source.
                extra.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    extra.Add(args[++i]);
                }
            }
            else
            {
                throw new CliUsageException($"unexpected argument '{arg}' for 'run' (overrides are --Section:Key=value)");
            }
        }

        // The host reports its own start-up problems (configuration errors: exit 2, one line per key).
        return await AgentHost.RunAsync(configPath, [.. extra], cancellationToken);
    }
}
