using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Collector.Tests.Configuration;

/// <summary>The built sonla-collector.dll run as a child process with a broken configuration.</summary>
public class BrokenConfigProcessTests
{
    private const string SecretToken = "SECRET-TOKEN-do-not-print-1";
    private const string SecretPassword = "SECRET-PASSWORD-do-not-print";

    [Fact]
    public async Task BrokenConfig_ExitsNonZero_OneLinePerProblem_NoStackTrace_NoSecrets()
    {
        using var dir = new TempDirectory("sonla-collector-config");
        using var process = BuiltProgram.Start(BuiltProgram.CollectorDll,
        [
            "--Influx:Url=notaurl",
            "--Influx:Password=" + SecretPassword,
            "--Agents:0:SiteId=chieng-coi",
            "--Agents:0:Token=" + SecretToken,
            "--Agents:1:SiteId=muong-bu",
            "--Agents:1:Token=" + SecretToken,
            "--Agents:2:SiteId=",
            "--Agents:2:Token=",
            "--urls=http://0.0.0.0:0",
        ], dir.File("collector.log"), workingDirectory: dir.Path);

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var output = process.ReadLog();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(CollectorApp.ConfigurationErrorExitCode, exitCode);
        Assert.Equal(
        [
            "sonla-collector: configuration error: urls: plain http on '0.0.0.0' is refused: agents' tokens would cross the network unencrypted; use https with Kestrel:Endpoints:NAME:Certificate, or bind http to 127.0.0.1/[::1]",
            "sonla-collector: configuration error: Influx:Url: must be an absolute http(s) URL without credentials, e.g. http://127.0.0.1:8086",
            "sonla-collector: configuration error: Influx:Username: Username and Password go together: set both or neither",
            "sonla-collector: configuration error: Agents:1:Token: is the same as Agents:0:Token (every agent needs its own)",
            "sonla-collector: configuration error: Agents:2:SiteId: must not be empty",
            "sonla-collector: configuration error: Agents:2:Token: must not be empty",
        ], lines);
        Assert.DoesNotContain(" at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretToken, output, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretPassword, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertificateFileMissing_ExitsNonZeroWithOneLine()
    {
        using var dir = new TempDirectory("sonla-collector-cert");
        using var process = BuiltProgram.Start(BuiltProgram.CollectorDll,
        [
            "--Influx:Url=http://127.0.0.1:1",
            "--Agents:0:SiteId=chieng-coi",
            "--Agents:0:Token=" + SecretToken,
            "--Kestrel:Endpoints:Tls:Url=https://127.0.0.1:0",
            "--Kestrel:Endpoints:Tls:Certificate:Path=" + dir.File("missing.pem"),
            "--Kestrel:Endpoints:Tls:Certificate:KeyPath=" + dir.File("missing.key"),
        ], dir.File("collector.log"), workingDirectory: dir.Path);

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var output = process.ReadLog();

        Assert.Equal(CollectorApp.StartupErrorExitCode, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sonla-collector: cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains("missing.pem", line, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretToken, output, StringComparison.Ordinal);
    }
}
