using System.Net;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Tests.Security;

/// <summary>Wrong credentials against a real snmpd give precise errors, never a bare timeout where it can be told apart.</summary>
[Collection(UsmSnmpdCollection.Name)]
public sealed class UsmErrorsSnmpdTests(UsmSnmpdFixture fixture)
{
    private static readonly ObjectIdentifier SysUpTime = ObjectIdentifier.Parse(".1.3.6.1.2.1.1.3.0");

    [Theory]
    [InlineData("MD5", "AES")]
    [InlineData("SHA-512", "AES-256")]
    public async Task WrongAuthPassphrase_IsWrongDigest(string auth, string priv)
    {
        var security = UsmSecurity.Create(UsmSnmpdFixture.PrivUser(auth, priv), "authPriv", auth, "not-the-auth-pass", priv, UsmSnmpdFixture.PrivPass);
        var e = await GetFailsAsync(security);
        Assert.Equal(UsmError.WrongDigest, e.Error);
        Assert.DoesNotContain("not-the-auth-pass", e.Message, StringComparison.Ordinal);
        Assert.Contains("-A", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUser_IsUnknownUserName()
    {
        var e = await GetFailsAsync(UsmSecurity.Create("nobody-here", "authNoPriv", "SHA", UsmSnmpdFixture.AuthPass));
        Assert.Equal(UsmError.UnknownUserName, e.Error);
        Assert.Contains("nobody-here", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivAskedOfAnAuthNoPrivUser_IsUnsupportedSecurityLevel()
    {
        var e = await GetFailsAsync(UsmSecurity.Create(UsmSnmpdFixture.AuthUser("SHA"), "authPriv", "SHA", UsmSnmpdFixture.AuthPass, "AES", UsmSnmpdFixture.PrivPass));
        Assert.Equal(UsmError.UnsupportedSecurityLevel, e.Error);
    }

    [Theory]
    [InlineData("SHA", "AES", "wrong-priv-pass")]
    [InlineData("SHA", "AES-256", "wrong-priv-pass")]
    [InlineData("SHA", "AES-256", null)] // right passphrase, other key extension: with SHA-1 they differ
    public async Task WrongPrivacyKey_IsDiagnosedAsDecryptionError(string auth, string priv, string? privPass)
    {
        var user = UsmSnmpdFixture.PrivUser(auth, priv);
        var security = privPass is null
            ? UsmSecurity.Create(user, "authPriv", auth, UsmSnmpdFixture.AuthPass, priv + "-C", UsmSnmpdFixture.PrivPass)
            : UsmSecurity.Create(user, "authPriv", auth, UsmSnmpdFixture.AuthPass, priv, privPass);
        var e = await GetFailsAsync(security);
        Assert.Equal(UsmError.DecryptionError, e.Error);
        Assert.IsType<SnmpTimeoutException>(e.InnerException);
        Assert.Contains("-X", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownContext_TimesOutLikeSnmpget_AndIsNotMisdiagnosed()
    {
        // snmpd drops requests for a context it does not serve (snmpget -n nosuch times out too);
        // the authNoPriv probe then times out as well, so the timeout stands.
        var security = UsmSecurity.Create(UsmSnmpdFixture.PrivUser("SHA", "AES"), "authPriv", "SHA", UsmSnmpdFixture.AuthPass, "AES", UsmSnmpdFixture.PrivPass, "nosuch");
        await using var client = new SnmpClient();
        await Assert.ThrowsAsync<SnmpTimeoutException>(() => client.GetAsync(Target(security), [SysUpTime]));
        var withDefaultContext = await client.GetAsync(Target(security with { ContextName = "" }), [SysUpTime]);
        Assert.Single(withDefaultContext);
    }

    [Fact]
    public async Task SameEngineOnTwoEndPoints_IsReported()
    {
        var security = UsmSecurity.Create(UsmSnmpdFixture.AuthUser("SHA-256"), "authNoPriv", "SHA-256", UsmSnmpdFixture.AuthPass);
        await using var client = new SnmpClient();
        var reports = new List<DuplicateEngineIdEventArgs>();
        client.DuplicateEngineId += (_, e) => reports.Add(e);
        await client.GetAsync(Target(security), [SysUpTime]);
        await client.GetAsync(Target(security) with { EndPoint = new IPEndPoint(IPAddress.IPv6Loopback, fixture.Server.Port) }, [SysUpTime]);
        var report = Assert.Single(reports);
        Assert.True(client.TryGetEngine(new IPEndPoint(IPAddress.Loopback, fixture.Server.Port), out var engine));
        Assert.Equal(engine.EngineIdHex, report.EngineIdHex);
        Assert.Equal(IPAddress.Loopback, report.FirstEndPoint.Address);
        Assert.Equal(IPAddress.IPv6Loopback, report.SecondEndPoint.Address);
    }

    [Fact]
    public async Task GivenEngineId_SkipsDiscovery_AndAWrongOneIsUnknownEngineId()
    {
        var security = UsmSecurity.Create(UsmSnmpdFixture.PrivUser("SHA-256", "AES"), "authPriv", "SHA-256", UsmSnmpdFixture.AuthPass, "AES", UsmSnmpdFixture.PrivPass);
        SnmpEngineInfo engine;
        await using (var first = new SnmpClient())
        {
            engine = await first.DiscoverEngineAsync(Target(security));
        }

        await using var client = new SnmpClient();
        Assert.Single(await client.GetAsync(Target(security with { SecurityEngineId = engine.EngineId }), [SysUpTime]));
        // No discovery: the request, its notInTimeWindow report (boots and time were unknown), the retry.
        Assert.Equal(2, client.Statistics.Requests);

        var e = await GetFailsAsync(security with { SecurityEngineId = Hex.Bytes("8000000001020304") });
        Assert.Equal(UsmError.UnknownEngineId, e.Error);
    }

    private SnmpTarget Target(UsmSecurity security) =>
        new(new IPEndPoint(IPAddress.Loopback, fixture.Server.Port))
        {
            Version = SnmpVersion.V3,
            Security = security,
            Timeout = TimeSpan.FromSeconds(1),
            Retries = 0,
        };

    private async Task<SnmpReportException> GetFailsAsync(UsmSecurity security)
    {
        await using var client = new SnmpClient();
        return await Assert.ThrowsAsync<SnmpReportException>(() => client.GetAsync(Target(security), [SysUpTime]));
    }
}
