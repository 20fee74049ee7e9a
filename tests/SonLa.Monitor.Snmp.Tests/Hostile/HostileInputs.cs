namespace SonLa.Monitor.Snmp.Tests.Hostile;

/// <summary>The seed corpus (real net-snmp datagrams) and the fuzzer's crashers, read from the repository.</summary>
internal static class HostileInputs
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string CorpusDirectory => Path.Combine(Root.Value, "fuzz", "corpus");

    public static string CrashersDirectory => Path.Combine(Root.Value, "fuzz", "crashers");

    public static IReadOnlyList<(string Name, byte[] Bytes)> Corpus() => Read(CorpusDirectory);

    public static IReadOnlyList<(string Name, byte[] Bytes)> Crashers() =>
        Directory.Exists(CrashersDirectory) ? Read(CrashersDirectory) : [];

    public static TheoryData<string> CorpusNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Corpus())
        {
            data.Add(name);
        }

        return data;
    }

    public static byte[] CorpusFile(string name) => File.ReadAllBytes(Path.Combine(CorpusDirectory, name));

    private static List<(string, byte[])> Read(string directory) =>
        [.. Directory.GetFiles(directory, "*.bin").Order(StringComparer.Ordinal).Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))];

    // Tests run from bin/<config>/net10.0 of a clone anywhere: walk up to the solution.
    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SonLa.Monitor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"SonLa.Monitor.sln not found above {AppContext.BaseDirectory}.");
    }
}
