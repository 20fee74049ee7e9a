using SonLa.Monitor.Collector.Alerts.Outages;

namespace SonLa.Monitor.Collector.Tests.Alerts.Outages;

public sealed class OutageOptionsValidatorTests
{
    private readonly OutageOptionsValidator _validator = new();

    [Fact]
    public void Defaults_Valid()
    {
        Assert.True(_validator.Validate(null, new OutageOptions()).Succeeded);
    }

    [Fact]
    public void BadValues_EachNamedWithItsKey()
    {
        var result = _validator.Validate(null, new OutageOptions { BackfillQuietSeconds = 0, BackfillMaxWaitSeconds = 10, RollupMinimumSites = 0, TimeZone = "Mars/Olympus" });

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains("Alerts:Outages:BackfillQuietSeconds: must be between 1 and 3600", failures);
        Assert.Contains("Alerts:Outages:RollupMinimumSites: must be between 1 and 100000", failures);
        Assert.Contains(failures, f => f.StartsWith("Alerts:TimeZone: unknown time zone 'Mars/Olympus'", StringComparison.Ordinal));
    }

    [Fact]
    public void MaxWaitShorterThanQuiet_Refused()
    {
        var result = _validator.Validate(null, new OutageOptions { BackfillQuietSeconds = 60, BackfillMaxWaitSeconds = 30 });

        Assert.Contains("Alerts:Outages:BackfillMaxWaitSeconds: must not be shorter than BackfillQuietSeconds", result.Failures!);
    }
}
