using SonLa.Monitor.EndToEnd.Tests.Alerts;

namespace SonLa.Monitor.EndToEnd.Tests.Browser;

/// <summary>
/// One monitoring stack (real influxd, collector, agent, snmpd router and UPS: <see cref="AlertStack"/>, which also
/// has the admin login and the short hold-downs) shared by the browser tests that only look.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public AlertStack Stack { get; private set; } = null!;

    public async Task InitializeAsync() => Stack = await AlertStack.StartAsync(collectorArgs: DashboardSites.CollectorArgs());

    public async Task DisposeAsync()
    {
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }
    }
}
