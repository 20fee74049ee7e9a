namespace SonLa.Monitor.Collector.Tests.History;

/// <summary>
/// Saves the charts the tests draw where people can look at them: <c>$SONLA_ARTIFACTS/charts</c> (set by
/// <c>./sonla.sh test</c>), else <c>TestResults/artifacts/charts</c> under the test's bin directory.
/// </summary>
internal static class ChartArtifacts
{
    public static void Save(string name, string svg)
    {
        var root = Environment.GetEnvironmentVariable("SONLA_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts");
        var directory = Path.Combine(root, "charts");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name), svg);
    }
}
