using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Traps;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Agent.Tests.Traps;

/// <summary>The <c>Traps</c> keys: users become engine users, and bad values are named without secrets.</summary>
public sealed class TrapsConfigurationTests : IDisposable
{
    private readonly TempDirectory _dir = new("sonla-agent-traps-config");

    public void Dispose() => _dir.Dispose();

    private AgentOptionsResult Load(string traps)
    {
        var path = _dir.File("agent.json");
        File.WriteAllText(path, $$"""
            {
              "Site": { "Id": "chieng-coi" },
              "Collector": { "Url": "http://127.0.0.1", "Token": "tok-en-secret-123" },
              "Devices": [ { "Name": "router", "Host": "192.168.1.1", "Version": "2c", "Community": "public" } ],
              "Traps": {{traps}}
            }
            """);
        return AgentConfigurationLoader.Load(path, []);
    }

    [Fact]
    public void ProductExampleUser_IsAnAuthPrivUserWithItsSenderEngineId()
    {
        var result = Load("""
            { "Listen": "127.0.0.1:1162", "MaxPerSecondPerSource": 50, "Communities": [ "public" ],
              "Users": [ { "User": "trapper", "EngineId": "0x8000000001020304", "Level": "authPriv", "AuthProtocol": "SHA",
                           "AuthPassphrase": "auth-secret-1", "PrivProtocol": "AES", "PrivPassphrase": "priv-secret-1" } ] }
            """);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(50, result.Options.Traps.MaxPerSecondPerSource);
        var user = TrapUserFactory.Create(result.Options.Traps.Users[0]);
        Assert.Equal(SecurityLevel.AuthPriv, user.Level);
        Assert.Equal("8000000001020304", Convert.ToHexString(user.EngineId.Span));
    }

    [Fact]
    public void DefaultRate_Is100PerSecond()
    {
        var result = Load("""{ "Listen": "127.0.0.1:1162" }""");
        Assert.True(result.IsValid);
        Assert.Equal(TrapsOptions.DefaultMaxPerSecondPerSource, result.Options.Traps.MaxPerSecondPerSource);
    }

    [Fact]
    public void BadRateEngineIdAndPassphrase_AreEachNamed_WithoutSecrets()
    {
        var result = Load("""
            { "Listen": "127.0.0.1:1162", "MaxPerSecondPerSource": 0,
              "Users": [ { "User": "a", "EngineId": "0xZZ", "Level": "authNoPriv", "AuthProtocol": "SHA", "AuthPassphrase": "auth-secret-1" },
                         { "User": "b", "Level": "authPriv", "AuthProtocol": "SHA", "AuthPassphrase": "auth-secret-2", "PrivProtocol": "AES", "PrivPassphrase": "short" } ] }
            """);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith("Traps:MaxPerSecondPerSource", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("Traps:Users:0", StringComparison.Ordinal) && e.Contains("EngineId", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("Traps:Users:1", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Errors, e => e.Contains("secret", StringComparison.Ordinal) || e.Contains("short", StringComparison.Ordinal));
    }
}
