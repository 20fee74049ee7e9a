using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Agent.Tests.Configuration;

/// <summary>The Collector failover and backlog keys and the Outbox keys.</summary>
public sealed class CollectorAndOutboxOptionsTests : IDisposable
{
    private readonly TempDirectory _dir = new("sonla-agent-config-outbox");

    public void Dispose() => _dir.Dispose();

    private AgentOptionsResult Load(string collector, string outbox = "")
    {
        var path = _dir.File("agent.json");
        File.WriteAllText(path, $$"""
            {
              "Site": { "Id": "chieng-coi" },
              "Collector": { "Token": "tok-en-secret-123"{{collector}} }{{outbox}}
            }
            """);
        return AgentConfigurationLoader.Load(path, []);
    }

    [Fact]
    public void UrlAndUrls_AllInFailoverOrder_DuplicatesOnce()
    {
        var result = Load(""", "Url": "https://noc-a.example:5443", "Urls": [ "https://noc-b.example:5443", "https://noc-a.example:5443", "http://127.0.0.1/" ]""");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(
            [new Uri("https://noc-a.example:5443"), new Uri("https://noc-b.example:5443"), new Uri("http://127.0.0.1/")],
            result.Options.Collector.Urls);
        Assert.Equal(new Uri("https://noc-a.example:5443"), result.Options.Collector.Url);
    }

    [Fact]
    public void UrlsAlone_TheFirstIsTheUrl()
    {
        var result = Load(""", "Urls": [ "https://noc-b.example:5443" ]""");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(new Uri("https://noc-b.example:5443"), result.Options.Collector.Url);
    }

    [Theory]
    [InlineData(""", "Urls": [ "https://ok.example", "ftp://x" ]""", "Collector:Urls:1: must be an absolute https:// URL (got 'ftp://x')")]
    [InlineData(""", "Urls": [ "http://noc.example:5000" ]""", "Collector:Urls:0: plain http is allowed only to a loopback host")]
    [InlineData("", "Collector:Url: required")]
    [InlineData(""", "Url": "https://ok.example", "BacklogKilobitsPerSecond": -5""", "Collector:BacklogKilobitsPerSecond: must be a whole number from 0 to 10000000")]
    [InlineData(""", "Url": "https://ok.example", "BacklogKilobitsPerSecound": 5""", "Collector:BacklogKilobitsPerSecound: unknown key")]
    public void BadCollectorKeys_NamedWithTheReason(string collector, string expected)
    {
        var result = Load(collector);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void BacklogKilobitsPerSecond_DefaultsToNoCap()
    {
        Assert.Equal(0, Load(""", "Url": "https://ok.example" """).Options.Collector.BacklogKilobitsPerSecond);
        Assert.Equal(256, Load(""", "Url": "https://ok.example", "BacklogKilobitsPerSecond": 256""").Options.Collector.BacklogKilobitsPerSecond);
    }

    [Fact]
    public void BatchSeconds_StillAccepted_WithAnObsoleteWarning()
    {
        var result = Load(""", "Url": "https://ok.example", "BatchSeconds": 2""");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Contains(result.Warnings, w => w.StartsWith("Collector:BatchSeconds: obsolete and ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void OutboxDirectory_RelativeToTheConfigFile_DefaultOutbox()
    {
        Assert.Equal(_dir.File("outbox"), Load(""", "Url": "https://ok.example" """).Options.Outbox.Directory);
        Assert.Equal(_dir.File(Path.Combine("data", "queue")),
            Load(""", "Url": "https://ok.example" """, """, "Outbox": { "Directory": "data/queue", "MaxMegabytes": 8 }""").Options.Outbox.Directory);
        Assert.Equal("/var/lib/sonla-agent",
            Load(""", "Url": "https://ok.example" """, """, "Outbox": { "Directory": "/var/lib/sonla-agent" }""").Options.Outbox.Directory);
    }
}
