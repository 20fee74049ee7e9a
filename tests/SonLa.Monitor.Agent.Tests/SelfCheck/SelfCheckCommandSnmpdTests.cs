using SonLa.Monitor.Agent.SelfCheck;
using SonLa.Monitor.Agent.Tests.Cli;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Https;
using SonLa.Monitor.Testing.Ntp;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.SelfCheck;

/// <summary>
/// <c>sonla-agent selfcheck</c> against real failures (issue 7 "what must be shown"): a real snmpd answering v2c and an
/// SNMPv3 user, devices with a wrong community, wrong v3 user/auth/priv and a port where nothing listens, local HTTPS
/// servers (self-signed, test CA, expiring), an SNTP responder 120 s ahead, a dead collector with a backlog on disk.
/// </summary>
public sealed class SelfCheckCommandSnmpdTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("sonla-selfcheck");
    private readonly TestCertificateAuthority _ca = TestCertificateAuthority.Create();
    private SnmpdServer _snmpd = null!;
    private TestHttpsServer _selfSigned = null!;
    private TestHttpsServer _trusted = null!;
    private TestHttpsServer _expiring = null!;
    private SntpResponder _ntp = null!;
    private string _deadDevice = "";

    public async Task InitializeAsync()
    {
        var options = IfMibRows.DeviceOptions("router",
        [
            new SimulatedInterface(1, "wan0") { InOctets = 10, OutOctets = 20 },
            new SimulatedInterface(2, "lan0") { InOctets = 1, OutOctets = 2 },
        ]);
        _snmpd = await SnmpdServer.StartAsync(new SnmpdOptions
        {
            SysName = options.SysName,
            ExtraPassPersistRoots = options.ExtraPassPersistRoots,
            DisabledModules = options.DisabledModules,
            PassPersistRows = options.PassPersistRows,
            ExtraConfig = [$"createUser mon SHA-256 \"{SelfCheckConfig.AuthPass}\" AES \"{SelfCheckConfig.PrivPass}\"", "rouser mon priv"],
        });
        _selfSigned = TestHttpsServer.Start(TestCertificateAuthority.SelfSigned());
        _trusted = TestHttpsServer.Start(_ca.Issue(validDays: 365));
        _expiring = TestHttpsServer.Start(_ca.Issue(validDays: 5));
        _ntp = SntpResponder.Start(TimeSpan.FromSeconds(120));
        _deadDevice = FormattableString.Invariant($"127.0.0.1:{FreePort.Udp()}");
        Directory.CreateDirectory(_directory.File("outbox"));
        // A backlog the running agent left: one 3000-byte segment (read, never written, by the self-check).
        await File.WriteAllBytesAsync(Path.Combine(_directory.File("outbox"), "000000000001-0.seg"), new byte[3000]);
    }

    public async Task DisposeAsync()
    {
        await _snmpd.DisposeAsync();
        await _selfSigned.DisposeAsync();
        await _trusted.DisposeAsync();
        await _expiring.DisposeAsync();
        await _ntp.DisposeAsync();
        _ca.Dispose();
        _directory.Dispose();
    }

    private string WriteConfig() => new SelfCheckConfig()
        .V2c("router", _snmpd.Address, role: "uplink")
        .V2c("switch", _snmpd.Address, community: "wrong-community")
        .V3("fw-user", _snmpd.Address, user: "nobody")
        .V3("fw-auth", _snmpd.Address, authPass: "wrong-Auth-0000")
        .V3("fw-priv", _snmpd.Address, privPass: "wrong-Priv-0000")
        .V2c("camera", _deadDevice)
        .Service("Cổng tự ký", _selfSigned.Url())
        .Service("Một cửa điện tử", _trusted.Url("localhost"), _ca.WritePem(_directory.File("test-ca.pem")))
        .Service("Sắp hết hạn", _expiring.Url(), _directory.File("test-ca.pem"))
        .Ntp(_ntp.Address)
        .Write(_directory);

    [Fact]
    public async Task RealFailures_Json_EachCheckRightStatusAndVietnameseHint_Exit2()
    {
        var result = await CliResult.RunAsync("selfcheck", "--config", WriteConfig(), "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.ErrorLines);
        var report = SelfCheckJsonReport.Parse(result.StandardOutput);
        Assert.Equal("chieng-coi", report.Site);
        Assert.Equal("fail", report.Status);
        Assert.Equal(
            ["config", "gateway", "device:router", "device:switch", "device:fw-user", "device:fw-auth", "device:fw-priv", "device:camera",
             "uplink:router", "dns", "service:Cổng tự ký", "service:Một cửa điện tử", "service:Sắp hết hạn", "collector", "clock", "disk"],
            report.Order);
        var host = _snmpd.Address;

        AssertCheck(report, "config", "ok");
        AssertCheck(report, "gateway", "ok");
        AssertCheck(report, "device:router", "ok");
        AssertCheck(report, "uplink:router", "ok");
        AssertCheck(report, "device:switch", "fail", SelfCheckTexts.DeviceTimeout.Format("switch", host), SelfCheckTexts.DeviceTimeoutHint.Format("switch", host, "Devices:1"));
        AssertCheck(report, "device:fw-user", "fail", SelfCheckTexts.DeviceUnknownUser.Format("fw-user", "nobody", "Devices:2"),
            SelfCheckTexts.DeviceUnknownUserHint.Format("fw-user", host, "Devices:2"));
        AssertCheck(report, "device:fw-auth", "fail", SelfCheckTexts.DeviceWrongAuth.Format("fw-auth", "WrongDigest", "Devices:3"),
            SelfCheckTexts.DeviceWrongAuthHint.Format("fw-auth", host, "Devices:3"));
        AssertCheck(report, "device:fw-priv", "fail", SelfCheckTexts.DeviceWrongPriv.Format("fw-priv", "DecryptionError", "Devices:4"),
            SelfCheckTexts.DeviceWrongPrivHint.Format("fw-priv", host, "Devices:4"));
        AssertCheck(report, "device:camera", "fail", SelfCheckTexts.DeviceTimeout.Format("camera", _deadDevice),
            SelfCheckTexts.DeviceTimeoutHint.Format("camera", _deadDevice, "Devices:5"));
        AssertCheck(report, "dns", "ok", SelfCheckTexts.DnsOk.Format(1, report.Checks["dns"].Message.Split('(', ')')[1].Split(' ')[0]));
        AssertCheck(report, "service:Cổng tự ký", "fail", hint: SelfCheckTexts.ServiceCertificateInvalidHint);
        Assert.Contains("self-signed", report.Checks["service:Cổng tự ký"].Message, StringComparison.Ordinal);
        AssertCheck(report, "service:Một cửa điện tử", "ok");
        Assert.Equal(1, _trusted.Requests);
        Assert.Equal(0, _selfSigned.Requests);
        AssertCheck(report, "service:Sắp hết hạn", "warn", hint: SelfCheckTexts.ServiceCertificateExpiringHint);
        AssertCheck(report, "collector", "fail", hint: SelfCheckTexts.CollectorDownHint);
        Assert.Contains("dữ liệu chờ gửi: 2.9 KB trong 1 tệp", report.Checks["collector"].Message, StringComparison.Ordinal);
        AssertCheck(report, "clock", "fail", SelfCheckTexts.ClockWrong.Format(120.0, _ntp.Address), SelfCheckTexts.ClockWrongHint);
        AssertCheck(report, "disk", "ok");
        Assert.All(report.Checks.Values, c => Assert.InRange(c.Ms, 0, 60_000));
    }

    [Fact]
    public async Task RealFailures_TextReport_PlainLabelsHintsAndSummary_EnglishToo()
    {
        var config = WriteConfig();
        var vi = await CliResult.RunAsync("selfcheck", "--config", config);
        var en = await CliResult.RunAsync("selfcheck", "--config", config, "--lang", "en");

        Assert.Equal(2, vi.ExitCode);
        Assert.Equal(2, en.ExitCode);
        Assert.DoesNotContain('\u001b', vi.StandardOutput);
        Assert.StartsWith("Tự kiểm tra trạm chieng-coi (Xã Chiềng Cơi) lúc ", vi.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[LỖI]", vi.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[CẢNH BÁO]", vi.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("→ " + SelfCheckTexts.ClockWrongHint.Vi, vi.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Tổng kết: ", vi.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[FAIL]", en.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("→ " + SelfCheckTexts.ClockWrongHint.En, en.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Summary: ", en.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(SelfCheckConfig.AuthPass, vi.StandardOutput + en.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-community", vi.StandardOutput + en.StandardOutput, StringComparison.Ordinal);
    }

    private static void AssertCheck(SelfCheckJsonReport report, string id, string status, LocalizedText? message = null, LocalizedText? hint = null)
    {
        Assert.True(report.Checks.TryGetValue(id, out var check), id);
        Assert.True(check.Status == status, $"{id}: expected {status}, got {check.Status}: {check.Message} / {check.Hint}");
        if (message is not null)
        {
            Assert.Equal(message.Vi, check.Message);
        }

        if (hint is not null)
        {
            Assert.Equal(hint.Vi, check.Hint);
        }

        Assert.Equal(status == "ok", check.Hint.Length == 0);
    }
}
