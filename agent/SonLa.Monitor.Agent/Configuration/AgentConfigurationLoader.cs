using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace SonLa.Monitor.Agent.Configuration;

/// <summary>
/// Builds the agent's configuration: the JSON file, then environment variables (plain, e.g.
/// <c>Collector__Token</c>, then <c>SONLA_AGENT_</c>-prefixed, e.g. <c>SONLA_AGENT_Devices__0__Community</c>,
/// which win), then command-line arguments (<c>--Collector:Url=...</c>).
/// </summary>
public static class AgentConfigurationLoader
{
    public const string EnvironmentPrefix = "SONLA_AGENT_";

    public static IConfigurationRoot Build(string configPath, IReadOnlyList<string> commandLine)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        ArgumentNullException.ThrowIfNull(commandLine);
        var fullPath = Path.GetFullPath(configPath);
        var fileOnly = BuildFileOnly(fullPath);
        var builder = new ConfigurationBuilder()
            .AddConfiguration(fileOnly)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables(EnvironmentPrefix);
        try
        {
            builder.AddCommandLine([.. commandLine]);
            return builder.Build();
        }
        catch (FormatException ex)
        {
            throw new ConfigFileException($"command line: {ex.Message}", ex);
        }
    }

    /// <summary>Builds, binds and validates; unknown root keys of the JSON file are reported as errors too.</summary>
    public static AgentOptionsResult Load(string configPath, IReadOnlyList<string> commandLine)
    {
        var fullPath = Path.GetFullPath(configPath);
        var configuration = Build(fullPath, commandLine);
        var result = AgentOptionsReader.Read(configuration, Path.GetDirectoryName(fullPath) ?? ".");
        var unknownRoots = BuildFileOnly(fullPath).GetChildren()
            .Where(c => !AgentOptionsReader.KnownRootKeys.Contains(c.Key, StringComparer.OrdinalIgnoreCase))
            .Select(c => $"{c.Key}: unknown key (expected one of {string.Join(", ", AgentOptionsReader.KnownRootKeys)})")
            .ToList();
        return unknownRoots.Count == 0 ? result : result with { Errors = [.. unknownRoots, .. result.Errors] };
    }

    private static IConfigurationRoot BuildFileOnly(string fullPath)
    {
        if (!File.Exists(fullPath))
        {
            throw new ConfigFileException($"{fullPath}: config file not found");
        }

        try
        {
            return new ConfigurationBuilder()
                .AddJsonFile(fullPath, optional: false, reloadOnChange: false)
                .Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or JsonException)
        {
            throw new ConfigFileException(Describe(fullPath, ex), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigFileException($"{fullPath}: cannot read config file: {ex.Message}", ex);
        }
    }

    private static string Describe(string path, Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                var line = (json.LineNumber ?? 0) + 1;
                var position = (json.BytePositionInLine ?? 0) + 1;
                return $"{path}: invalid JSON at line {line}, position {position}: {FirstSentence(json.Message)}";
            }
        }

        // Duplicate keys and a top-level non-object come as FormatException from the JSON provider.
        return $"{path}: invalid config file: {FirstSentence(ex.InnerException?.Message ?? ex.Message)}";
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        return text.ReplaceLineEndings(" ").Trim();
    }
}
