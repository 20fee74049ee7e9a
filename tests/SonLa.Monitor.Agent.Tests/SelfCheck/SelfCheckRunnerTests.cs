using SonLa.Monitor.Agent.SelfCheck;

namespace SonLa.Monitor.Agent.Tests.SelfCheck;

/// <summary>The runner: each check bounded by its own timeout, a broken check fails alone, order and exit codes kept.</summary>
public sealed class SelfCheckRunnerTests
{
    private static readonly LocalizedText Fine = new("Tốt", "Fine");

    [Fact]
    public async Task HangingAndThrowingChecks_FailAlone_OthersKeptInOrder()
    {
        var items = new SelfCheckItem[]
        {
            new("a", _ => Task.FromResult(CheckOutcome.Ok(Fine))),
            new("hangs", async ct =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return CheckOutcome.Ok(Fine);
            }),
            new("ignores-token", _ => new TaskCompletionSource<CheckOutcome>().Task),
            new("throws", _ => throw new InvalidOperationException("boom")),
            new("warns", _ => Task.FromResult(CheckOutcome.Warn(Fine, Fine))),
        };

        var report = await new SelfCheckRunner(TimeProvider.System).RunAsync("site", items, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Equal(["a", "hangs", "ignores-token", "throws", "warns"], report.Checks.Select(c => c.Id));
        Assert.Equal(CheckStatus.Ok, report.Checks[0].Status);
        Assert.Equal(SelfCheckTexts.TimedOut.Format(0.3), report.Checks[1].Message);
        Assert.Equal(SelfCheckTexts.TimedOut.Format(0.3), report.Checks[2].Message);
        Assert.Equal(SelfCheckTexts.Crashed.Format("InvalidOperationException", "boom"), report.Checks[3].Message);
        Assert.Equal(CheckStatus.Warn, report.Checks[4].Status);
        Assert.Equal(CheckStatus.Fail, report.Status);
        Assert.Equal(2, report.ExitCode);
    }

    [Theory]
    [InlineData(new[] { CheckStatus.Ok, CheckStatus.Ok }, 0)]
    [InlineData(new[] { CheckStatus.Ok, CheckStatus.Warn }, 1)]
    [InlineData(new[] { CheckStatus.Warn, CheckStatus.Fail, CheckStatus.Ok }, 2)]
    [InlineData(new CheckStatus[0], 0)]
    public void ExitCode_IsTheWorstStatus(CheckStatus[] statuses, int exitCode)
    {
        var report = new SelfCheckReport("s", DateTimeOffset.UnixEpoch,
            [.. statuses.Select((s, i) => new CheckResult(i.ToString(System.Globalization.CultureInfo.InvariantCulture), s, Fine, Fine, 0))]);
        Assert.Equal(exitCode, report.ExitCode);
    }

    [Fact]
    public void Json_ContractShape_VietnameseUnescaped()
    {
        var report = new SelfCheckReport("chieng-coi", DateTimeOffset.UnixEpoch,
        [
            new CheckResult("device:router", CheckStatus.Fail, new("Thiết bị \"router\" lỗi", "Device \"router\" failed"), new("Gọi CNTT", "Call IT"), 12),
        ]);

        var json = SelfCheckJson.Format(report, SelfCheckLanguage.Vietnamese);

        Assert.Equal(
            "{\"site\":\"chieng-coi\",\"status\":\"fail\",\"time\":\"1970-01-01T00:00:00Z\",\"checks\":[{\"id\":\"device:router\",\"status\":\"fail\"," +
            "\"message\":\"Thiết bị \\\"router\\\" lỗi\",\"hint\":\"Gọi CNTT\",\"ms\":12}]}",
            json);
    }
}
