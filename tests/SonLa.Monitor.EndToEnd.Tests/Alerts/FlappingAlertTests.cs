namespace SonLa.Monitor.EndToEnd.Tests.Alerts;

/// <summary>A port that goes down and up again and again: one flapping notice, not one message per flap.</summary>
public sealed class FlappingAlertTests
{
    private const int Flaps = 6;

    [Fact]
    public async Task LinkFlappingByTrapsAndPolls_OneFlappingNotice()
    {
        await using var stack = await AlertStack.StartAsync(routerRole: "router");

        for (var i = 0; i < Flaps; i++)
        {
            stack.SetInterfaces(x => x.Index == 2 ? x with { OperStatus = 2 } : x);
            await stack.SendLinkTrapAsync(2, up: false);
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            stack.SetInterfaces(x => x with { OperStatus = 1 });
            await stack.SendLinkTrapAsync(2, up: true);
            await Task.Delay(TimeSpan.FromSeconds(1.5));
        }

        var flapping = await stack.WaitForCallAsync(c => c.Kind == "flapping", "the flapping notice");
        Assert.Equal(("link_down", "router"), (flapping.Rule, flapping.Device));
        Assert.Contains("lan2", flapping.Interface ?? "", StringComparison.Ordinal);

        // The port stays up now; whatever the engine still has to say, it is not a second flapping notice nor a stream.
        await Task.Delay(TimeSpan.FromSeconds(8));
        var calls = stack.Calls;
        Assert.True(calls.Count(c => c.Kind == "flapping") == 1, stack.Describe());
        Assert.True(calls.Count(c => c.Rule == "link_down" && c.Kind == "firing") < Flaps / 2, stack.Describe());
        Assert.True(calls.Count < Flaps, stack.Describe());
    }
}
