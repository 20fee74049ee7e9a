namespace SonLa.Monitor.Testing.Processes;

/// <summary>Finds a real peer's executable; a missing one fails the test with the install hint, never skips it.</summary>
public static class RequiredTool
{
    public static string Find(string name, string debianPackage)
    {
        foreach (var dir in new[] { "/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/bin" }
                     .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)))
        {
            var candidate = System.IO.Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"'{name}' is not installed: the tests need the real one (apt-get install {debianPackage}, or run ./sonla.sh test which installs it).");
    }
}
