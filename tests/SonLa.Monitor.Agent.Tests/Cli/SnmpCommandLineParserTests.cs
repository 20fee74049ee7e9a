using SonLa.Monitor.Agent.Cli;
using SonLa.Monitor.Snmp.Messages;

namespace SonLa.Monitor.Agent.Tests.Cli;

public class SnmpCommandLineParserTests
{
    private static SnmpCommandLine Parse(string command, params string[] args) =>
        SnmpCommandLineParser.Parse(command, args) ?? throw new InvalidOperationException("help was returned");

    private static string Fail(string command, params string[] args) =>
        Assert.Throws<CliUsageException>(() => SnmpCommandLineParser.Parse(command, args)).Message;

    [Fact]
    public void Defaults_AreNetSnmps()
    {
        var line = Parse("walk", "10.0.0.1");
        Assert.Equal(SnmpVersion.V2c, line.Version);
        Assert.Equal("public", line.Community.Reveal());
        Assert.Equal(TimeSpan.FromSeconds(1), line.Timeout);
        Assert.Equal(5, line.Retries);
        Assert.Equal(10, line.MaxRepetitions);
        Assert.False(line.Json);
        Assert.True(line.FixErrors);
        Assert.Equal("10.0.0.1", line.Agent);
        Assert.Equal("1.3.6.1.2.1", Assert.Single(line.Oids).ToString());
    }

    [Theory]
    [InlineData(SnmpVersion.V1, "-v", "1")]
    [InlineData(SnmpVersion.V1, "-v1")]
    [InlineData(SnmpVersion.V2c, "-v", "2c")]
    [InlineData(SnmpVersion.V2c, "-v2c")]
    [InlineData(SnmpVersion.V2c, "-v2C")]
    [InlineData(SnmpVersion.V3, "-v", "3", "-u", "mon")]
    [InlineData(SnmpVersion.V3, "-v3", "-umon")]
    [InlineData(SnmpVersion.V3, "-u", "mon")]
    public void Version_BothFlagForms(SnmpVersion expected, params string[] flags)
    {
        Assert.Equal(expected, Parse("get", [.. flags, "h", ".1.3.6.1.2.1.1.3.0"]).Version);
    }

    [Theory]
    [InlineData("-c", "s3cret")]
    [InlineData("-cs3cret")]
    public void Community_BothFlagForms(params string[] flags)
    {
        Assert.Equal("s3cret", Parse("walk", [.. flags, "h"]).Community.Reveal());
    }

    [Theory]
    [InlineData(20, "-Cr", "20")]
    [InlineData(20, "-Cr20")]
    [InlineData(20, "-C", "r20")]
    [InlineData(1, "-Cr1")]
    [InlineData(1000, "-Cr", "1000")]
    public void MaxRepetitions_AllFlagForms(int expected, params string[] flags)
    {
        Assert.Equal(expected, Parse("walk", [.. flags, "h"]).MaxRepetitions);
    }

    [Theory]
    [InlineData(2000, "-t", "2")]
    [InlineData(2000, "-t2")]
    [InlineData(500, "-t", "0.5")]
    [InlineData(250, "-t0.25")]
    public void Timeout_SecondsWithFractions(int expectedMilliseconds, params string[] flags)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), Parse("get", [.. flags, "h", ".1.3"]).Timeout);
    }

    [Theory]
    [InlineData(3, "-r", "3")]
    [InlineData(3, "-r3")]
    [InlineData(0, "-r", "0")]
    public void Retries_BothFlagForms(int expected, params string[] flags)
    {
        Assert.Equal(expected, Parse("get", [.. flags, "h", ".1.3"]).Retries);
    }

    [Theory]
    [InlineData("-On")]
    [InlineData("-O", "n")]
    [InlineData("-m", "ALL")]
    [InlineData("-mALL")]
    [InlineData("-M", "/usr/share/snmp/mibs")]
    public void NetSnmpOutputAndMibFlags_AreAcceptedAndIgnored(params string[] flags)
    {
        var line = Parse("walk", [.. flags, "h", ".1.3.6.1.2.1.2"]);
        Assert.Equal("h", line.Agent);
        Assert.Equal("1.3.6.1.2.1.2", Assert.Single(line.Oids).ToString());
    }

    [Fact]
    public void OptionsAfterPositionals_AreOptions()
    {
        var line = Parse("walk", "-v", "2c", "-c", "COMMUNITY", "-Cr", "10", "192.168.1.1", ".1.3.6.1.2.1.31.1.1.1", "--json", "-t", "3");
        Assert.True(line.Json);
        Assert.Equal(TimeSpan.FromSeconds(3), line.Timeout);
        Assert.Equal("192.168.1.1", line.Agent);
    }

    [Fact]
    public void DoubleDash_EndsOptions()
    {
        var line = Parse("get", "--", "h", ".1.3.6.1.2.1.1.5.0");
        Assert.Equal("h", line.Agent);
    }

    [Fact]
    public void Get_KeepsEveryOidInOrder_AndCfTurnsOffTheRetry()
    {
        var line = Parse("get", "-Cf", "h:1161", "1.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.3.0");
        Assert.Equal(["1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.3.0"], line.Oids.Select(o => o.ToString()));
        Assert.False(line.FixErrors);
        Assert.Equal("h:1161", line.Agent);
    }

    [Theory]
    [InlineData("walk", "-h")]
    [InlineData("get", "--help")]
    [InlineData("get", "h", "-h")]
    public void Help_ReturnsNull(params string[] args)
    {
        Assert.Null(SnmpCommandLineParser.Parse(args[0], args[1..]));
    }

    [Fact]
    public void V3Flags_AreParsedToCanonicalNames()
    {
        var line = Parse("get", "-v3", "-u", "mon", "-l", "AUTHPRIV", "-a", "sha-256", "-A", "auth-pass-1", "-x", "aes-256-c",
            "-X", "priv-pass-1", "-n", "bridge1", "-e", "0x800000020109840301", "-E800000020109840302", "h", ".1.3");
        var usm = line.Usm;
        Assert.Equal("mon", usm.User);
        Assert.Equal("authPriv", usm.Level);
        Assert.Equal("SHA-256", usm.AuthProtocol);
        Assert.Equal("AES-256-C", usm.PrivProtocol);
        Assert.Equal("auth-pass-1", usm.AuthPassphrase!.Reveal());
        Assert.Equal("priv-pass-1", usm.PrivPassphrase!.Reveal());
        Assert.Equal("bridge1", usm.ContextName);
        Assert.Equal(Convert.FromHexString("800000020109840301"), usm.SecurityEngineId);
        Assert.Equal(Convert.FromHexString("800000020109840302"), usm.ContextEngineId);
        Assert.DoesNotContain("auth-pass-1", usm.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("priv-pass-1", line.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA")]
    [InlineData("SHA-224")]
    [InlineData("SHA-256")]
    [InlineData("SHA-384")]
    [InlineData("SHA-512")]
    public void EveryAuthProtocol_IsAccepted(string protocol)
    {
        Assert.Equal(protocol, Parse("get", "-u", "mon", "-l", "authNoPriv", "-a", protocol, "-A", "12345678", "h", ".1.3").Usm.AuthProtocol);
    }

    [Theory]
    [InlineData("DES")]
    [InlineData("AES")]
    [InlineData("AES-192")]
    [InlineData("AES-256")]
    [InlineData("AES-192-C")]
    [InlineData("AES-256-C")]
    public void EveryPrivProtocol_IsAccepted(string protocol)
    {
        Assert.Equal(protocol, Parse("get", "-u", "mon", "-l", "authPriv", "-a", "SHA", "-A", "12345678", "-x", protocol, "-X", "87654321", "h", ".1.3").Usm.PrivProtocol);
    }

    [Theory]
    [InlineData("noAuthNoPriv", "-u", "mon")]
    [InlineData("authNoPriv", "-u", "mon", "-a", "SHA", "-A", "12345678")]
    [InlineData("authPriv", "-u", "mon", "-a", "SHA", "-A", "12345678", "-x", "AES", "-X", "87654321")]
    [InlineData("noAuthNoPriv", "-u", "mon", "-l", "noauth")]
    [InlineData("authNoPriv", "-u", "mon", "-l", "auth", "-a", "MD5", "-A", "12345678")]
    public void MissingLevel_FollowsThePassphrasesGiven(string expected, params string[] flags)
    {
        Assert.Equal(expected, Parse("walk", [.. flags, "h"]).Usm.Level);
    }

    [Theory]
    [InlineData("missing HOST[:PORT]: 'walk' needs the agent to ask", "walk")]
    [InlineData("missing HOST[:PORT]: 'get' needs the agent to ask", "get", "-v2c", "-c", "public")]
    [InlineData("missing OID: 'get' needs at least one OID after HOST[:PORT]", "get", "10.0.0.1")]
    [InlineData("'walk' takes one OID (the subtree to walk), not 2", "walk", "h", ".1.3", ".1.4")]
    [InlineData("-v: '4' is not an SNMP version (1, 2c or 3)", "get", "-v", "4", "h", ".1.3")]
    [InlineData("-v: '2' is not an SNMP version (1, 2c or 3)", "get", "-v2", "h", ".1.3")]
    [InlineData("-v needs a value (-v 1|2c|3)", "get", "h", ".1.3", "-v")]
    [InlineData("-t: 'abc' is not a timeout in seconds (a number above 0 and at most 600, e.g. 1 or 0.5)", "get", "-t", "abc", "h", ".1.3")]
    [InlineData("-t: '0' is not a timeout in seconds (a number above 0 and at most 600, e.g. 1 or 0.5)", "get", "-t0", "h", ".1.3")]
    [InlineData("-t: '-1' is not a timeout in seconds (a number above 0 and at most 600, e.g. 1 or 0.5)", "get", "-t", "-1", "h", ".1.3")]
    [InlineData("-r: 'x' is not a number of retries (0 to 100)", "get", "-rx", "h", ".1.3")]
    [InlineData("-r: '-1' is not a number of retries (0 to 100)", "get", "-r", "-1", "h", ".1.3")]
    [InlineData("-Cr: '0' is not a max-repetitions count (1 to 1000)", "walk", "-Cr0", "h")]
    [InlineData("-Cr: 'x' is not a max-repetitions count (1 to 1000)", "walk", "-Cr", "x", "h")]
    [InlineData("-Cr: '1001' is not a max-repetitions count (1 to 1000)", "walk", "-Cr1001", "h")]
    [InlineData("-Cr needs a number (-Cr N, the GETBULK max-repetitions)", "walk", "h", "-Cr")]
    [InlineData("-Cc is not supported by 'walk' (only -Cr N, the GETBULK max-repetitions)", "walk", "-Cc", "h")]
    [InlineData("-Cr is not supported by 'get' (only -Cf, do not retry without the failed OID)", "get", "-Cr10", "h", ".1.3")]
    [InlineData("-Oq is not supported: output is always as with -On (use --json for machine-readable output)", "walk", "-Oq", "h")]
    [InlineData("unknown option -Q for 'get'", "get", "-Q", "h", ".1.3")]
    [InlineData("unknown option --frob for 'walk'", "walk", "--frob=1", "h")]
    [InlineData("bad OID: '1.3.4294967296' is not a numeric OID: '4294967296' is not a number from 0 to 4294967295", "get", "h", "1.3.4294967296")]
    [InlineData("bad OID '1.3.x': OIDs must be numeric (e.g. .1.3.6.1.2.1.1.3.0); no MIBs are loaded", "get", "h", "1.3.x")]
    [InlineData("bad OID: '1.3..6' is not a numeric OID: empty sub-identifier", "get", "h", "1.3..6")]
    [InlineData("bad OID: '1.99.1' is not a numeric OID: under arcs 0 and 1 the second arc must be at most 39", "walk", "h", "1.99.1")]
    [InlineData("bad OID 'sysUpTime.0': OIDs must be numeric (e.g. .1.3.6.1.2.1.1.3.0); no MIBs are loaded", "get", "h", "sysUpTime.0")]
    [InlineData("-l: 'foo' is not a security level (noAuthNoPriv, authNoPriv or authPriv)", "get", "-u", "mon", "-l", "foo", "h", ".1.3")]
    [InlineData("-a: 'SHA-999' is not an authentication protocol (MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512)", "get", "-aSHA-999", "h", ".1.3")]
    [InlineData("-x: 'AES-512' is not a privacy protocol (DES, AES, AES-192, AES-256, AES-192-C or AES-256-C)", "get", "-x", "AES-512", "h", ".1.3")]
    [InlineData("-e: 'zz' is not an engine id (5 to 32 bytes in hex, e.g. 800000020109840301)", "get", "-e", "zz", "h", ".1.3")]
    [InlineData("-E: '0x8000' is not an engine id (5 to 32 bytes in hex, e.g. 800000020109840301)", "get", "-E0x8000", "h", ".1.3")]
    [InlineData("-u: SNMPv3 needs a user name (-u USER)", "get", "-v3", "h", ".1.3")]
    [InlineData("-u needs a user name, not an empty value", "get", "-v3", "-u", "", "h", ".1.3")]
    [InlineData("-u: a USM user name is at most 32 bytes", "get", "-u", "nguoi-quan-tri-mang-xa-chieng-coi", "h", ".1.3")]
    [InlineData("-a: -l authNoPriv needs an authentication protocol (-a MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512)", "get", "-v3", "-u", "mon", "-l", "authNoPriv", "h", ".1.3")]
    [InlineData("-A: -l authPriv needs an authentication passphrase (-A PASSPHRASE)", "get", "-v3", "-u", "mon", "-l", "authPriv", "-a", "SHA", "h", ".1.3")]
    [InlineData("-x: -l authPriv needs a privacy protocol (-x DES, AES, AES-192, AES-256, AES-192-C or AES-256-C)", "get", "-u", "mon", "-a", "SHA", "-A", "12345678", "-X", "87654321", "h", ".1.3")]
    [InlineData("-X: -l authPriv needs a privacy passphrase (-X PASSPHRASE)", "get", "-u", "mon", "-l", "priv", "-a", "SHA", "-A", "12345678", "-x", "AES", "h", ".1.3")]
    public void InvalidInput_OneLineNamingTheFlag(string expected, params string[] args)
    {
        var message = Fail(args[0], args[1..]);
        Assert.Equal(expected, message);
        Assert.DoesNotContain('\n', message);
    }

    [Theory]
    [InlineData("-A", "authentication")]
    [InlineData("-X", "privacy")]
    public void ShortPassphrase_IsRefusedWithoutEchoingIt(string flag, string what)
    {
        var attached = Fail("get", "-u", "mon", flag + "Pw9x!", "h", ".1.3");
        var separate = Fail("get", "-u", "mon", flag, "Pw9x!", "h", ".1.3");
        var expected = $"{flag}: the {what} passphrase is too short (USM requires at least 8 characters)";
        Assert.Equal(expected, attached);
        Assert.Equal(expected, separate);
    }

    [Theory]
    [InlineData("get", "-c", "TopSecretCommunity", "-v", "9", "h", ".1.3")]
    [InlineData("get", "-cTopSecretCommunity", "-Q", "h", ".1.3")]
    [InlineData("get", "-u", "mon", "-A", "TopSecretCommunity", "-l", "authPriv", "-a", "SHA", "h", ".1.3")]
    [InlineData("get", "-u", "mon", "-ATopSecretCommunity", "-a", "SHA", "-X", "TopSecretCommunity", "-x", "AES-9", "h", ".1.3")]
    [InlineData("walk", "-c", "TopSecretCommunity", "h", "1.3.x")]
    [InlineData("walk", "-A")]
    public void Secrets_NeverAppearInErrors(params string[] args)
    {
        var message = Fail(args[0], args[1..]);
        Assert.DoesNotContain("TopSecret", message, StringComparison.Ordinal);
    }
}
