using System.Reflection;

namespace SonLa.Monitor.Agent.Cli;

/// <summary>
/// sonla-agent's command line: dispatches to run, get, walk and selfcheck. Every failure becomes
/// one stderr line and an exit code (<see cref="ExitCodes"/>); never a stack trace.
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var command = args.Length > 0 ? args[0] : null;
        try
        {
            return await DispatchAsync(command, args.Skip(1).ToArray(), stdout, stderr, cancellationToken);
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"sonla-agent: {e.Message}");
            await stderr.WriteLineAsync(UsageText.Hint(command));
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Cancelled;
        }
        catch (OutputClosedException)
        {
            return ExitCodes.OutputClosed;
        }
#pragma warning disable CA1031 // The last line of defence: one line instead of a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"sonla-agent: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failure;
        }
        finally
        {
            await FlushQuietlyAsync(stdout);
        }
    }

    private static async Task<int> DispatchAsync(string? command, string[] rest, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case null:
                await stderr.WriteLineAsync("sonla-agent: missing command");
                await stderr.WriteLineAsync(UsageText.Hint(null));
                return ExitCodes.Failure;
            case "-h" or "--help" or "help":
                await stdout.WriteLineAsync(UsageText.Full);
                return ExitCodes.Success;
            case "-V" or "--version" or "version":
                await stdout.WriteLineAsync($"sonla-agent {Version}");
                return ExitCodes.Success;
            case "run":
                var run = await RunCommand.RunAsync(rest, cancellationToken);
                if (run is null)
                {
                    await stdout.WriteLineAsync(UsageText.Full);
                }

                return run ?? ExitCodes.Success;
            case "get" or "walk":
                var parsed = SnmpCommandLineParser.Parse(command, rest);
                if (parsed is null)
                {
                    await stdout.WriteLineAsync(UsageText.Full);
                    return ExitCodes.Success;
                }

                return await SnmpCommandRunner.RunAsync(parsed, stdout, stderr, cancellationToken);
            case "selfcheck":
                var check = await SelfCheckCommand.RunAsync(rest, stdout, !Console.IsOutputRedirected && stdout is StreamWriter, cancellationToken);
                if (check is null)
                {
                    await stdout.WriteLineAsync(UsageText.Full);
                }

                return check ?? ExitCodes.Success;
            default:
                var shown = command.StartsWith('-') ? $"unknown option {command.Split('=', 2)[0]}" : $"unknown command '{command}'";
                await stderr.WriteLineAsync($"sonla-agent: {shown}");
                await stderr.WriteLineAsync(UsageText.Hint(null));
                return ExitCodes.Failure;
        }
    }

    public static string Version =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(CliApp).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    private static async Task FlushQuietlyAsync(TextWriter writer)
    {
        try
        {
            await writer.FlushAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // stdout closed early (e.g. `| head`): nothing more can be said there.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
