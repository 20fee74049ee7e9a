using SonLa.Monitor.Agent.Cli;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.Cli;

/// <summary>SNMPv3 get and walk against a real snmpd with USM users, net-snmp's tools as the oracle.</summary>
public class CliSnmpdV3Tests(CliSnmpdV3Fixture fixture) : IClassFixture<CliSnmpdV3Fixture>
{
    private const string AuthPassphrase = CliSnmpdV3Fixture.AuthPassphrase;
    private const string PrivPassphrase = CliSnmpdV3Fixture.PrivPassphrase;
    private const string Root = CliSnmpdFixture.Root;

    private string Address => fixture.Snmpd.Address;

    private static readonly string[] AuthPriv = ["-v3", "-u", "mon", "-l", "authPriv", "-a", "SHA-256", "-A", AuthPassphrase, "-x", "AES-256", "-X", PrivPassphrase];

    [Fact]
    public async Task WalkAuthPriv_MatchesSnmpbulkwalk()
    {
        var expected = await SnmpdServer.RunToolAsync("snmpbulkwalk", [.. AuthPriv, "-On", "-Cr5", Address, Root]);
        var ours = await CliResult.RunAsync(["walk", .. AuthPriv, "-Cr5", Address, Root]);

        Assert.Equal(0, expected.ExitCode);
        Assert.True(0 == ours.ExitCode, ours.ToString());
        Assert.Equal(expected.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries), ours.OutputLines);
    }

    [Fact]
    public async Task ReederKeyExtension_WithSha256_ReachesTheSameUser()
    {
        // With SHA-256 the key is long enough that AES-256 and AES-256-C name the same key (net-snmp agrees).
        string[] flags = ["-u", "mon", "-a", "sha-256", "-A", AuthPassphrase, "-x", "aes-256-c", "-X", PrivPassphrase];
        var result = await CliResult.RunAsync(["get", .. flags, Address, ".1.3.6.1.2.1.1.5.0"]);
        Assert.True(0 == result.ExitCode, result.ToString());
        Assert.Equal([".1.3.6.1.2.1.1.5.0 = STRING: \"tuong-lua\""], result.OutputLines);
    }

    [Fact]
    public async Task GetAuthNoPriv_MatchesSnmpget()
    {
        string[] flags = ["-v3", "-u", "monauth", "-l", "authNoPriv", "-a", "SHA", "-A", AuthPassphrase];
        string[] oids = [".1.3.6.1.2.1.1.5.0", $"{Root}.1.0", ".1.3.6.1.2.1.1.99.0"];
        var expected = await SnmpdServer.RunToolAsync("snmpget", [.. flags, "-On", Address, .. oids]);
        var ours = await CliResult.RunAsync(["get", .. flags, Address, .. oids]);

        Assert.True(0 == ours.ExitCode, ours.ToString());
        Assert.Equal(expected.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries), ours.OutputLines);
    }

    [Fact]
    public async Task WrongAuthPassphrase_AuthenticationFailure_OneLineWithoutSecrets()
    {
        var result = await CliResult.RunAsync("get", "-u", "mon", "-l", "authPriv", "-a", "SHA-256", "-A", "wrong-Phrase-0000",
            "-x", "AES-256", "-X", PrivPassphrase, "-t", "2", "-r", "0", Address, ".1.3.6.1.2.1.1.5.0");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("Authentication failure", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Phrase", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUser_OneLineNamingTheUser()
    {
        var result = await CliResult.RunAsync("get", "-v3", "-u", "nobody", "-l", "noAuthNoPriv", "-t", "2", "-r", "0", Address, ".1.3.6.1.2.1.1.5.0");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("Unknown user name 'nobody'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPrivPassphrase_IsToldApartFromATimeout()
    {
        var result = await CliResult.RunAsync("get", "-u", "mon", "-a", "SHA-256", "-A", AuthPassphrase,
            "-x", "AES-256", "-X", "wrong-Phrase-1111", "-t", "2", "-r", "0", Address, ".1.3.6.1.2.1.1.5.0");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("privacy passphrase", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Phrase", result.StandardError, StringComparison.Ordinal);
    }
}
