using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Agent.Tests.Configuration;

public sealed class AgentConfigurationLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("sonla-agent-config");

    public void Dispose() => _dir.Dispose();

    private const string Valid = """
        {
          "Site":      { "Id": "chieng-coi", "Name": "Xã Chiềng Cơi" },
          "Collector": { "Url": "http://127.0.0.1", "Token": "tok-en-secret-123" },
          "Outbox":    { "Directory": "/var/lib/sonla-agent", "MaxMegabytes": 512 },
          "Devices": [
            { "Name": "router", "Host": "192.168.1.1:161", "Version": "2c", "Community": "c0mmunity-secret",
              "IntervalSeconds": 60, "Role": "uplink" },
            { "Name": "firewall", "Host": "192.168.1.2", "Version": "3", "User": "mon", "Level": "authPriv",
              "AuthProtocol": "SHA-256", "AuthPassphrase": "auth-pass-secret", "PrivProtocol": "AES", "PrivPassphrase": "priv-pass-secret" }
          ],
          "Ping":  [ { "Name": "gateway", "Host": "192.168.1.1" } ],
          "Traps": { "Listen": "0.0.0.0:162", "Communities": [ "public" ] },
          "SelfCheck": { "Services": [ { "Name": "Cổng Dịch vụ công quốc gia", "Url": "https://dichvucong.gov.vn" } ],
                         "NtpServers": [ "pool.ntp.org" ] }
        }
        """;

    private string Write(string json)
    {
        var path = _dir.File("agent.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void ProductExample_BindsEveryKey()
    {
        var result = AgentConfigurationLoader.Load(Write(Valid), []);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var options = result.Options;
        Assert.Equal("chieng-coi", options.Site.Id);
        Assert.Equal("Xã Chiềng Cơi", options.Site.Name);
        Assert.Equal(new Uri("http://127.0.0.1"), options.Collector.Url);
        Assert.Equal("tok-en-secret-123", options.Collector.Token.Reveal());
        Assert.Equal(512, options.Outbox.MaxMegabytes);
        Assert.Equal(2, options.Devices.Count);
        var router = options.Devices[0];
        Assert.Equal(("router", "192.168.1.1", 161, "2c", 60, "uplink"),
            (router.Name, router.Endpoint.Host, router.Endpoint.Port, router.Version, router.IntervalSeconds, router.Role));
        Assert.Equal("c0mmunity-secret", router.Community.Reveal());
        var firewall = options.Devices[1];
        Assert.Equal(("3", "mon", "authPriv", "SHA-256", "AES"), (firewall.Version, firewall.User, firewall.Level, firewall.AuthProtocol, firewall.PrivProtocol));
        Assert.Equal(161, firewall.Endpoint.Port);
        Assert.Equal(DeviceOptions.DefaultIntervalSeconds, firewall.IntervalSeconds);
        Assert.Equal("gateway", Assert.Single(options.Ping).Name);
        Assert.Equal("0.0.0.0:162", options.Traps.Listen);
        Assert.Equal("Cổng Dịch vụ công quốc gia", Assert.Single(options.SelfCheck.Services).Name);
        Assert.Equal(["pool.ntp.org"], options.SelfCheck.NtpServers);
        // SNMPv3 is polled: nothing to warn about.
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("\"Level\": \"authNoPriv\", \"AuthProtocol\": \"SHA\", \"AuthPassphrase\": \"auth-pass-secret\", \"PrivPassphrase\": \"priv-pass-secret\"",
        "Devices:0:PrivPassphrase: given, but Level authNoPriv does not use it")]
    [InlineData("\"Level\": \"noAuthNoPriv\", \"AuthPassphrase\": \"auth-pass-secret\"", "Devices:0:AuthPassphrase: given, but Level noAuthNoPriv does not use it")]
    [InlineData("\"Level\": \"authPriv\", \"AuthProtocol\": \"SHA\", \"AuthPassphrase\": \"auth-pass-secret\", \"PrivProtocol\": \"AES\"",
        "Devices:0:PrivPassphrase: required for Level authPriv, at least 8 characters")]
    [InlineData("\"Level\": \"authPriv\", \"AuthProtocol\": \"SHA\", \"AuthPassphrase\": \"auth-pass-secret\", \"PrivProtocol\": \"AES128\", \"PrivPassphrase\": \"priv-pass-secret\"",
        "Devices:0:PrivProtocol: must be DES, AES, AES-192, AES-256, AES-192-C or AES-256-C (got 'AES128')")]
    [InlineData("\"AuthProtocol\": \"SHA-256\", \"AuthPassphrase\": \"short7!\"", "Devices:0:AuthPassphrase: required for Level authNoPriv, at least 8 characters")]
    [InlineData("\"Level\": \"authNoPriv\", \"AuthPassphrase\": \"auth-pass-secret\"", "Devices:0:AuthProtocol: required for Level authNoPriv (MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512)")]
    public void V3Device_InconsistentKeys_ErrorNamesTheKey_NeverTheSecret(string keys, string expected)
    {
        var json = Valid.Replace(
            "\"Name\": \"router\", \"Host\": \"192.168.1.1:161\", \"Version\": \"2c\", \"Community\": \"c0mmunity-secret\",",
            "\"Name\": \"router\", \"Host\": \"192.168.1.1:161\", \"Version\": \"3\", \"User\": \"mon\", " + keys + ",",
            StringComparison.Ordinal);
        var result = AgentConfigurationLoader.Load(Write(json), []);
        Assert.Contains(result.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.DoesNotContain("secret", e, StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.DoesNotContain("short7", e, StringComparison.Ordinal));
    }

    [Fact]
    public void BrokenJson_OneLineWithFileLineAndPosition()
    {
        var path = Write("{\n  \"Site\": { \"Id\": \"x\" },\n  \"Devices\": [ { \"Name\": \"r\" \"Host\": \"1.2.3.4\" } ]\n}");
        var ex = Assert.Throws<ConfigFileException>(() => AgentConfigurationLoader.Load(path, []));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("position", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_OneClearLine()
    {
        var ex = Assert.Throws<ConfigFileException>(() => AgentConfigurationLoader.Load(_dir.File("nope.json"), []));
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyBadKeys_AllReportedAtOnceWithTheirPaths()
    {
        var json = """
            {
              "Site": { "Id": "chieng coi" },
              "Colector": { },
              "Collector": { "Url": "noc.example:5443", "Token": "" },
              "Devices": [
                { "Name": "router", "Host": "192.168.1.1:99999", "Version": "2", "Community": "s3cr3t-community", "IntervalSeconds": 0 },
                { "Name": "Router", "Host": "not a host", "Community": "s3cr3t-community", "TimeoutSeconds": "abc", "Comunity": "x" },
                { "Name": "ups", "Host": "[::1]:161", "Version": "3", "User": "", "Level": "authPriv", "AuthProtocol": "SHA-999",
                  "AuthPassphrase": "sh0rtpw", "PrivProtocol": "AES", "PrivPassphrase": "" },
                { "Host": "10.0.0.1", "Version": "1" }
              ]
            }
            """;
        var result = AgentConfigurationLoader.Load(Write(json), []);
        var errors = result.Errors;
        string[] expected =
        [
            "Colector: unknown key",
            "Site:Id: only letters",
            "Collector:Url: must be an absolute https:// URL",
            "Collector:Token: required",
            "Devices:0:Host: not a valid HOST[:PORT]",
            "Devices:0:Version: must be 1, 2c or 3",
            "Devices:0:IntervalSeconds: must be a whole number from 1 to 86400",
            "Devices:1:Host: not a valid HOST[:PORT]",
            "Devices:1:TimeoutSeconds: must be a number",
            "Devices:1:Comunity: unknown key",
            "Devices:1:Name: duplicate device name 'Router'",
            "Devices:2:User: required",
            "Devices:2:AuthProtocol: must be MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512",
            "Devices:2:AuthPassphrase: required for Level authPriv, at least 8 characters",
            "Devices:2:PrivPassphrase: required",
            "Devices:3:Name: required",
            "Devices:3:Community: required for SNMP version 1",
        ];
        foreach (var prefix in expected)
        {
            Assert.True(errors.Any(e => e.StartsWith(prefix, StringComparison.Ordinal)), $"missing '{prefix}' in:\n{string.Join("\n", errors)}");
        }

        Assert.All(errors, e =>
        {
            Assert.DoesNotContain("s3cr3t", e, StringComparison.Ordinal);
            Assert.DoesNotContain("sh0rtpw", e, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void PlainHttpToNonLoopback_Refused()
    {
        var result = AgentConfigurationLoader.Load(Write(Valid.Replace("http://127.0.0.1", "http://noc.example:5443", StringComparison.Ordinal)), []);
        Assert.Contains(result.Errors, e => e.StartsWith("Collector:Url: plain http is allowed only to a loopback host", StringComparison.Ordinal));
    }

    [Fact]
    public void CaCertificateMissingFile_Named()
    {
        var result = AgentConfigurationLoader.Load(Write(Valid.Replace("\"Token\"", "\"CaCertificate\": \"ca.pem\", \"Token\"", StringComparison.Ordinal)), []);
        Assert.Contains(result.Errors, e => e.StartsWith("Collector:CaCertificate: file not found", StringComparison.Ordinal) && e.Contains(_dir.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void EnvironmentAndCommandLine_OverrideTheFile()
    {
        var path = Write(Valid);
        Environment.SetEnvironmentVariable("SONLA_AGENT_Devices__0__Community", "from-env");
        try
        {
            var result = AgentConfigurationLoader.Load(path, ["--Devices:0:IntervalSeconds=15", "--Site:Id", "muong-la"]);
            Assert.True(result.IsValid, string.Join("\n", result.Errors));
            Assert.Equal("from-env", result.Options.Devices[0].Community.Reveal());
            Assert.Equal(15, result.Options.Devices[0].IntervalSeconds);
            Assert.Equal("muong-la", result.Options.Site.Id);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SONLA_AGENT_Devices__0__Community", null);
        }
    }

    [Fact]
    public void Secrets_MaskedInToString()
    {
        var result = AgentConfigurationLoader.Load(Write(Valid), []);
        Assert.Equal("***", result.Options.Collector.Token.ToString());
        Assert.Equal("***", $"{result.Options.Devices[0].Community}");
        Assert.Equal("***", result.Options.Devices[1].PrivPassphrase.ToString());
    }

    [Theory]
    [InlineData("192.168.1.1", "192.168.1.1", 161)]
    [InlineData("192.168.1.1:1161", "192.168.1.1", 1161)]
    [InlineData("router.local:162", "router.local", 162)]
    [InlineData("[::1]:1161", "::1", 1161)]
    [InlineData("[2001:db8::1]", "2001:db8::1", 161)]
    [InlineData("2001:db8::1", "2001:db8::1", 161)]
    public void HostAndPort_Valid(string text, string host, int port)
    {
        Assert.True(HostAndPort.TryParse(text, 161, out var parsed));
        Assert.Equal((host, port), (parsed.Host, parsed.Port));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.4:0")]
    [InlineData("1.2.3.4:65536")]
    [InlineData("1.2.3.4:x")]
    [InlineData("300.1.1.1")]
    [InlineData("host name")]
    [InlineData("[::1")]
    [InlineData("[1.2.3.4]:161")]
    public void HostAndPort_Invalid(string text) => Assert.False(HostAndPort.TryParse(text, 161, out _));
}
