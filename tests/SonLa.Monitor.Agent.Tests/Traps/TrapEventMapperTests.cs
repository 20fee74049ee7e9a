using System.Net;
using SonLa.Monitor.Agent.Traps;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Traps;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Agent.Tests.Traps;

public sealed class TrapEventMapperTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 14, 2, 0, TimeSpan.Zero);

    private static SnmpNotification Notification(string trapOid, params VarBind[] more) =>
        new(SnmpVersion.V2c, PduType.SNMPv2Trap, new IPEndPoint(IPAddress.Loopback, 50000), ObjectIdentifier.Parse(trapOid), 100,
        [
            new(TrapV1Translation.SysUpTime, SnmpValue.TimeTicks(100)),
            new(TrapV1Translation.SnmpTrapOid, SnmpValue.ObjectIdentifier(ObjectIdentifier.Parse(trapOid))),
            .. more,
        ]);

    [Theory]
    [InlineData(".1.3.6.1.6.3.1.1.5.1", "cold_start")]
    [InlineData(".1.3.6.1.6.3.1.1.5.2", "warm_start")]
    [InlineData(".1.3.6.1.6.3.1.1.5.3", "link_down")]
    [InlineData(".1.3.6.1.6.3.1.1.5.4", "link_up")]
    [InlineData(".1.3.6.1.6.3.1.1.5.5", "auth_failure")]
    [InlineData(".1.3.6.1.6.3.1.1.5.6", "trap")]
    [InlineData(".1.3.6.1.4.1.2636.4.1.1", "trap")]
    public void Kind_FromTheTrapOid(string trapOid, string kind)
    {
        var e = TrapEventMapper.ToEvent(Notification(trapOid), "router", At);
        Assert.Equal(kind, e.Kind);
        Assert.Equal(trapOid, e.TrapOid);
        Assert.Equal("router", e.Device);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void LinkDown_TiedToItsIfIndex_WithTheInterfaceNameInTheMessage_AndEveryVarBind()
    {
        var e = TrapEventMapper.ToEvent(Notification(".1.3.6.1.6.3.1.1.5.3",
            new VarBind(ObjectIdentifier.Parse(".1.3.6.1.2.1.2.2.1.1.3"), SnmpValue.Integer32(3)),
            new VarBind(ObjectIdentifier.Parse(".1.3.6.1.2.1.2.2.1.2.3"), SnmpValue.OctetString("Cổng WAN")),
            new VarBind(ObjectIdentifier.Parse(".1.3.6.1.2.1.2.2.1.8.3"), SnmpValue.Integer32(2))), "router", At);

        Assert.Equal("link_down", e.Kind);
        Assert.Equal("3", e.IfIndex);
        Assert.Equal("interface 3 (Cổng WAN) went down (linkDown trap)", e.Message);
        Assert.Equal("3", e.Varbinds[".1.3.6.1.2.1.2.2.1.1.3"]);
        Assert.Equal("Cổng WAN", e.Varbinds[".1.3.6.1.2.1.2.2.1.2.3"]);
        Assert.Equal("2", e.Varbinds[".1.3.6.1.2.1.2.2.1.8.3"]);
        Assert.Equal(".1.3.6.1.6.3.1.1.5.3", e.Varbinds[".1.3.6.1.6.3.1.1.4.1.0"]);
        Assert.Equal("100", e.Varbinds[".1.3.6.1.2.1.1.3.0"]);
        Assert.Equal(At.ToUnixTimeMilliseconds() * 1_000_000, e.TimeUnixNs);
    }

    [Fact]
    public void TheV1Community_IsNeverCopiedIntoTheEvent()
    {
        var e = TrapEventMapper.ToEvent(Notification(".1.3.6.1.6.3.1.1.5.4",
            new VarBind(TrapV1Translation.SnmpTrapCommunity, SnmpValue.OctetString("s3cret-community"))), "router", At);

        Assert.DoesNotContain(".1.3.6.1.6.3.18.1.4.0", e.Varbinds.Keys);
        Assert.DoesNotContain("s3cret-community", e.ToString());
        Assert.Equal("an interface came up (linkUp trap)", e.Message);
        Assert.Equal("", e.IfIndex);
    }

    [Fact]
    public void BinaryOctetStrings_AreHex_AndOtherTypesBare()
    {
        Assert.Equal("00ff1a", TrapVarBindText.Render(SnmpValue.OctetString(new byte[] { 0, 0xFF, 0x1A })));
        Assert.Equal("192.0.2.9", TrapVarBindText.Render(SnmpValue.IpAddress(IPAddress.Parse("192.0.2.9"))));
        Assert.Equal("18446744073709551615", TrapVarBindText.Render(SnmpValue.Counter64(ulong.MaxValue)));
        Assert.Equal(".1.3.6.1.4.1.9", TrapVarBindText.Render(SnmpValue.ObjectIdentifier(ObjectIdentifier.Parse(".1.3.6.1.4.1.9"))));
    }
}
