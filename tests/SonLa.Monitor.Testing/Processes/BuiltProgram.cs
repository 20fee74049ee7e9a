namespace SonLa.Monitor.Testing.Processes;

/// <summary>
/// Our own programs (sonla-agent, sonla-collector) as built next to the tests, so end-to-end tests run
/// them as real child processes that can be killed like a power cut would.
/// </summary>
public static class BuiltProgram
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The built dll of a project, in the same configuration as the running tests (Debug/Release).</summary>
    public static string Dll(string projectDirectory, string assemblyName)
    {
        // BaseDirectory ends with a separator ("bin/Debug/net10.0/"): trim it, or Parent is net10.0 itself.
        var baseDirectory = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var configuration = new DirectoryInfo(baseDirectory).Parent?.Name ?? "Debug";
        var path = Path.Combine(RepositoryRoot, projectDirectory, "bin", configuration, "net10.0", assemblyName + ".dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is not built: build the solution first (./sonla.sh test does).");
        }

        return path;
    }

    public static string AgentDll => Dll(Path.Combine("agent", "SonLa.Monitor.Agent"), "sonla-agent");

    public static string CollectorDll => Dll(Path.Combine("collector", "SonLa.Monitor.Collector"), "sonla-collector");

    /// <summary>Starts `dotnet DLL args...` as a child process logging to <paramref name="logPath"/>.</summary>
    public static ChildProcess Start(string dll, IEnumerable<string> arguments, string logPath,
        IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : RequiredTool.Find("dotnet", "dotnet-sdk-10.0");
        return ChildProcess.Start(dotnet, arguments.Prepend(dll), logPath, environment, workingDirectory);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SonLa.Monitor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SonLa.Monitor.sln not found above " + AppContext.BaseDirectory);
    }
}
