using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Collector.Tests.Alerts;

/// <summary>The Alerts section through the real app's DI (CollectorApp.Build + ConfigurationProblems), no start.</summary>
public sealed class AlertingConfigurationTests
{
    private static IReadOnlyList<string> Problems(params string[] args)
    {
        using var state = new TempDirectory();
        var app = CollectorApp.Build(
        [
            "--Influx:Url=http://127.0.0.1:8086", "--Agents:0:SiteId=chieng-coi", "--Agents:0:Token=0123456789abcdef-1",
            "--State:Path=" + state.File("state.db"), .. args,
        ]);
        try
        {
            return CollectorApp.ConfigurationProblems(app.Services);
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }

    [Fact]
    public void Defaults_HaveNoProblems_AndTheEngineIsWiredIn()
    {
        Assert.DoesNotContain(Problems(), p => p.StartsWith("Alerts", StringComparison.Ordinal));
        using var state = new TempDirectory();
        var app = CollectorApp.Build(
        [
            "--Influx:Url=http://127.0.0.1:8086", "--Agents:0:SiteId=chieng-coi", "--Agents:0:Token=0123456789abcdef-1",
            "--State:Path=" + state.File("state.db"),
        ]);
        try
        {
            var engine = app.Services.GetRequiredService<AlertEngine>();
            Assert.Same(engine, app.Services.GetRequiredService<IAlertBook>());
            Assert.Contains(engine, app.Services.GetServices<IBatchObserver>());
            Assert.Contains(engine, app.Services.GetServices<ISitePresenceObserver>());
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }

    [Fact]
    public void BadValues_AreEachReportedWithTheirKey()
    {
        var problems = Problems(
            "--Alerts:EvaluationSeconds=0",
            "--Alerts:TimeZone=Mars/Olympus",
            "--Alerts:Rules:link_dwon:HoldDownSeconds=5",
            "--Alerts:Rules:high_utilization:ThresholdPercent=0",
            "--Alerts:Overrides:0:Rule=link_down",
            "--Alerts:Overrides:1:Site=chieng-coi",
            "--Alerts:Overrides:1:Rule=nope");
        Assert.Contains(problems, p => p.StartsWith("Alerts:EvaluationSeconds:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:TimeZone:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Rules:link_dwon: unknown rule", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Rules:high_utilization:ThresholdPercent:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Overrides:0:Site: required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Overrides:1:Rule: unknown rule", StringComparison.Ordinal));
    }

    [Fact]
    public void Severity_IsANameInAnyCase_AndAnUnknownOneIsAProblem()
    {
        Assert.DoesNotContain(Problems("--Alerts:Rules:link_down:Severity=warning", "--Alerts:Overrides:0:Site=x", "--Alerts:Overrides:0:Severity=CRITICAL"),
            p => p.Contains("Alerts", StringComparison.Ordinal));
        Assert.Contains(Problems("--Alerts:Rules:link_down:Severity=loud"), p => p.Contains("Alerts:Rules:link_down:Severity", StringComparison.Ordinal));
    }

    [Fact]
    public void Overrides_MostSpecificWins()
    {
        var options = new AlertingOptions();
        options.Rules["link_down"] = new RuleOptions { HoldDownSeconds = 120 };
        options.Overrides.Add(new RuleOverride { Site = "a", Device = "router", Rule = "link_down", HoldDownSeconds = 10 });
        options.Overrides.Add(new RuleOverride { Site = "a", HoldDownSeconds = 300, Severity = "info" });
        options.Overrides.Add(new RuleOverride { Site = "a", Rule = "LINK_DOWN", HoldDownSeconds = 30 });
        var rules = new RuleSettingsResolver(options);
        Assert.Equal(TimeSpan.FromSeconds(10), rules.For("link_down", "a", "router").HoldDown);
        Assert.Equal(NotificationSeverity.Info, rules.For("link_down", "a", "router").Severity);
        Assert.Equal(TimeSpan.FromSeconds(30), rules.For("link_down", "a", "switch").HoldDown);
        Assert.Equal(TimeSpan.FromSeconds(300), rules.For("ups_on_battery", "a").HoldDown);
        Assert.Equal(TimeSpan.FromSeconds(120), rules.For("link_down", "b", "router").HoldDown);
        Assert.Equal(TimeSpan.FromSeconds(RuleDefaults.SiteOfflineSeconds), rules.For("site_offline", "b").HoldDown);
    }
}
