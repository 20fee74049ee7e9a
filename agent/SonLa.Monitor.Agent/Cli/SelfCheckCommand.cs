using System.Diagnostics;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.SelfCheck;

namespace SonLa.Monitor.Agent.Cli;

/// <summary>
/// <c>sonla-agent selfcheck [--config agent.json] [--json] [--lang vi|en] [--no-color] [--Section:Key=value ...]</c>:
/// exit 0 all ok, 1 warnings, 2 failures (a broken agent.json is a failed config check, so 2 as well).
/// </summary>
internal static class SelfCheckCommand
{
    public static async Task<int?> RunAsync(IReadOnlyList<string> args, TextWriter stdout, bool stdoutIsTerminal, CancellationToken cancellationToken)
    {
        var configPath = RunCommand.DefaultConfigPath;
        var json = false;
        var language = SelfCheckLanguage.Vietnamese;
        var colour = stdoutIsTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var overrides = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    return null;
                case "--json":
                    json = true;
                    break;
                case "--no-color":
                    colour = false;
                    break;
                case "--config":
                    configPath = i + 1 < args.Count && args[i + 1].Length > 0 ? args[++i] : throw new CliUsageException("--config needs a file (--config agent.json)");
                    break;
                case "--lang":
                    language = i + 1 < args.Count ? Language(args[++i]) : throw new CliUsageException("--lang needs vi or en");
                    break;
                default:
                    if (arg.StartsWith("--config=", StringComparison.Ordinal) && arg.Length > "--config=".Length)
                    {
                        configPath = arg["--config=".Length..];
                    }
                    else if (arg.StartsWith("--lang=", StringComparison.Ordinal))
                    {
                        language = Language(arg["--lang=".Length..]);
                    }
                    else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal))
                    {
                        overrides.Add(arg);
                    }
                    else
                    {
                        throw new CliUsageException($"unexpected argument '{arg}' for 'selfcheck'");
                    }

                    break;
            }
        }

        var stopwatch = Stopwatch.StartNew();
        SelfCheckReport report;
        var siteName = "";
        try
        {
            var loaded = AgentConfigurationLoader.Load(configPath, overrides);
            siteName = loaded.Options.Site.Name ?? "";
            report = loaded.IsValid
                ? await SelfCheckSession.RunAsync(loaded.Options, TimeProvider.System, null, cancellationToken)
                : SelfCheckSession.InvalidConfiguration(loaded.Options.Site.Id, loaded.Errors, TimeProvider.System);
        }
        catch (ConfigFileException ex)
        {
            report = SelfCheckSession.InvalidConfiguration("", [ex.Message], TimeProvider.System);
        }

        var text = json
            ? SelfCheckJson.Format(report, language) + Environment.NewLine
            : SelfCheckTextReport.Format(report, siteName, language, colour, stopwatch.ElapsedMilliseconds);
        await stdout.WriteAsync(text.AsMemory(), cancellationToken);
        return report.ExitCode;
    }

    private static string Language(string text) => text switch
    {
        SelfCheckLanguage.Vietnamese or SelfCheckLanguage.English => text,
        _ => throw new CliUsageException($"--lang must be vi or en (got '{text}')"),
    };
}
