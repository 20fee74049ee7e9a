namespace SonLa.Monitor.EndToEnd.Tests.Alerts;

/// <summary>snmptrap → sonla-agent → sonla-collector's alert engine → webhook (a real HTTP receiver).</summary>
public sealed class LinkTrapAlertTests
{
    [Fact]
    public async Task LinkDownTrap_OneWebhookCallWithSiteDeviceInterfaceAndKind_LinkUpTrapResolvesIt()
    {
        await using var stack = await AlertStack.StartAsync(routerRole: "router");

        // The port really goes down (the next poll confirms the trap) and the trap tells at once.
        stack.SetInterfaces(i => i.Index == 2 ? i with { OperStatus = 2 } : i);
        await stack.SendLinkTrapAsync(2, up: false);
        var firing = await stack.WaitForCallAsync(c => c.Rule == "link_down" && c.Kind == "firing", "the link_down webhook call");

        Assert.Equal(("chieng-coi", "router"), (firing.Site, firing.Device));
        Assert.Contains("lan2", firing.Interface ?? "", StringComparison.Ordinal);
        Assert.Contains("Xã Chiềng Cơi", firing.Text, StringComparison.Ordinal);

        stack.SetInterfaces(i => i with { OperStatus = 1 });
        await stack.SendLinkTrapAsync(2, up: true);
        var resolved = await stack.WaitForCallAsync(c => c.Rule == "link_down" && c.Kind == "resolved", "the link_down resolved call");

        Assert.Equal((firing.Site, firing.Device, firing.Interface), (resolved.Site, resolved.Device, resolved.Interface));
        // Polls kept confirming the state all along: still one call each way, nothing else.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var calls = stack.Calls;
        Assert.True(calls.Count == 2, stack.Describe());
    }
}
