using Microsoft.Extensions.Configuration;
using SonLa.Monitor.Agent.Configuration;

namespace SonLa.Monitor.Agent.Tests.Ping;

public sealed class PingConfigurationTests
{
    private static AgentOptionsResult Read(params (string Key, string Value)[] ping)
    {
        var values = new Dictionary<string, string?>
        {
            ["Site:Id"] = "chieng-coi",
            ["Collector:Url"] = "http://127.0.0.1",
            ["Collector:Token"] = "tok-en-secret-123",
            ["Outbox:Directory"] = "/tmp/sonla-outbox-config-test",
        };
        foreach (var (key, value) in ping)
        {
            values["Ping:" + key] = value;
        }

        return AgentOptionsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "/tmp");
    }

    [Fact]
    public void NameAndHostOnly_Defaults()
    {
        var result = Read(("0:Name", "gateway"), ("0:Host", "192.168.1.1"));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var target = Assert.Single(result.Options.Ping);
        Assert.Equal(("gateway", "192.168.1.1", 60, 3, 1000), (target.Name, target.Host, target.IntervalSeconds, target.Count, target.TimeoutMilliseconds));
    }

    [Fact]
    public void EveryKey_Bound()
    {
        var result = Read(("0:Name", "dns"), ("0:Host", "[2001:db8::53]"), ("0:IntervalSeconds", "30"), ("0:Count", "5"), ("0:TimeoutMilliseconds", "500"));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var target = Assert.Single(result.Options.Ping);
        Assert.Equal(("[2001:db8::53]", 30, 5, 500), (target.Host, target.IntervalSeconds, target.Count, target.TimeoutMilliseconds));
    }

    [Fact]
    public void BadEntries_EveryProblemNamedByItsKey()
    {
        var result = Read(
            ("0:Host", "192.168.1.1"),
            ("1:Name", "gw"), ("1:Host", ""),
            ("2:Name", "gw"), ("2:Host", "10.0.0.1"), ("2:Count", "0"), ("2:Colour", "red"),
            ("3:Name", "slow"), ("3:Host", "10.0.0.2"), ("3:IntervalSeconds", "2"), ("3:Count", "3"), ("3:TimeoutMilliseconds", "1000"));
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith("Ping:0:Name: required", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("Ping:1:Host: required", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("Ping:2:Name: duplicate ping target name 'gw'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("Ping:2:Count: must be a whole number from 1 to 100", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("Ping:2:Colour: unknown key", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("Ping:3:Count: 3 requests of up to 1000 ms each do not fit in IntervalSeconds 2", StringComparison.Ordinal));
    }
}
