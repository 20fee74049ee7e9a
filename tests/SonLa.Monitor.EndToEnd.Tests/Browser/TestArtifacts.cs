namespace SonLa.Monitor.EndToEnd.Tests.Browser;

/// <summary>
/// Where tests leave files for people to look at: <c>$SONLA_ARTIFACTS</c> (set by <c>./sonla.sh test</c>), else
/// <c>TestResults/artifacts</c> under the test's bin directory.
/// </summary>
public static class TestArtifacts
{
    public static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("SONLA_ARTIFACTS");
            return string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts")
                : configured;
        }
    }

    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "screenshots")).FullName;
}
