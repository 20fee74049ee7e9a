using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.SelfCheck;
using SonLa.Monitor.Agent.StatusPage;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.SelfCheck;

/// <summary>The local status page on loopback (issue 7 point 4), with the collector down: Vietnamese page, fresh self-check on request, JSON.</summary>
public sealed class StatusPageServiceTests : IDisposable
{
    private readonly TempDirectory _directory = new("sonla-status-page");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CollectorDown_PageInVietnamese_RunNowShowsDevices()
    {
        await using var snmpd = await SnmpdServer.StartAsync(new SnmpdOptions { SysName = "router" });
        var loaded = AgentConfigurationLoader.Load(new SelfCheckConfig().V2c("router", snmpd.Address).V2c("camera", $"127.0.0.1:{FreePort.Udp()}").Write(_directory), []);
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        var port = FreePort.Tcp();
        loaded.Options.SelfCheck.StatusPageListen = $"127.0.0.1:{port}";
        var outbox = new MemoryOutbox(1000, 64L * 1024 * 1024);
        var identity = new AgentIdentity("chieng-coi", Guid.NewGuid().ToString("D"), "0.1.0-test");
        var state = new SelfCheckState();
        using var selfCheck = new SelfCheckService(loaded.Options, new SampleBatcher(identity, outbox, 2000), outbox, state, TimeProvider.System,
            NullLogger<SelfCheckService>.Instance);
        using var page = new StatusPageService(loaded.Options, selfCheck, state, TimeProvider.System, NullLogger<StatusPageService>.Instance);
        await page.StartAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        try
        {
            string first = "";
            await Poll.UntilAsync(async () =>
            {
                try
                {
                    first = await http.GetStringAsync("/");
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(20), "status page listening");
            Assert.Contains("<html lang=\"vi\">", first, StringComparison.Ordinal);
            Assert.Contains("Xã Chiềng Cơi", first, StringComparison.Ordinal);
            Assert.Contains("Chưa có kết quả tự kiểm tra", first, StringComparison.Ordinal);
            Assert.DoesNotContain("http://", first.Replace($"http://127.0.0.1:{port}", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("src=", first, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/selfcheck.json")).StatusCode);

            using var run = await http.PostAsync("/selfcheck", null);
            Assert.Equal(HttpStatusCode.OK, run.StatusCode); // followed the 303 back to the page
            var after = await run.Content.ReadAsStringAsync();
            Assert.Contains(SelfCheckTexts.DeviceOk.Format("router", snmpd.Address, 0).Vi.Split(" sau ")[0], after, StringComparison.Ordinal);
            Assert.Contains(SelfCheckTexts.DeviceTimeoutHint.Vi.Split(';')[0], after, StringComparison.Ordinal);
            Assert.Contains("LỖI", after, StringComparison.Ordinal);
            Assert.Contains(SelfCheckTexts.CollectorDownHint.Vi, after, StringComparison.Ordinal);
            var json = SelfCheckJsonReport.Parse(await http.GetStringAsync("/selfcheck.json"));
            Assert.Equal("fail", json.Checks["device:camera"].Status);
            Assert.Equal("ok", json.Checks["device:router"].Status);
        }
        finally
        {
            await page.StopAsync(CancellationToken.None);
        }
    }
}
