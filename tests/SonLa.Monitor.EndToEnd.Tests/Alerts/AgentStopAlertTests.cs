using Xunit.Abstractions;

namespace SonLa.Monitor.EndToEnd.Tests.Alerts;

/// <summary>The agent itself stops (kill -9): the site goes silent with nothing measured while it is dark.</summary>
public sealed class AgentStopAlertTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AgentKilled_ExactlyOneSiteOfflineNoDeviceAlerts_BackAsBlindWithTheRestart()
    {
        await using var stack = await AlertStack.StartAsync();

        stack.KillAgent();
        var offline = await stack.WaitForCallAsync(c => c.Rule == "site_offline" && c.Kind == "firing", "site_offline");
        // Well past the device and link hold-downs: a silent site raises nothing about its devices.
        await Task.Delay(TimeSpan.FromSeconds(8));
        Assert.True(stack.Calls.Count == 1, stack.Describe());
        Assert.Equal("chieng-coi", offline.Site);

        stack.RestartAgent();
        var back = await stack.WaitForCallAsync(c => c.Rule == "site_back", "the site-back message");
        output.WriteLine(back.Text);

        // No data from the dark period: the cause is unknown ("blind"), which is not a link down.
        Assert.Equal("blind", back.Details["class"]);
        Assert.Contains("Nguyên nhân: chưa rõ (không có dữ liệu trong thời gian mất kết nối).", back.Text, StringComparison.Ordinal);
        Assert.True(back.Text.Contains("agent giám sát khởi động lại", StringComparison.Ordinal), back.Text + "\n" + stack.Describe());
        Assert.DoesNotContain("đường truyền mất", back.Text, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.True(stack.Calls.Count == 2, stack.Describe());
    }
}
