using System.Net;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Traps;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Tests.Traps;

/// <summary>RFC 3584 3.1, one row per generic-trap plus enterpriseSpecific.</summary>
public sealed class TrapV1TranslationTests
{
    private static readonly ObjectIdentifier Enterprise = ObjectIdentifier.Parse(".1.3.6.1.4.1.2636");

    [Theory]
    [InlineData(0, 0, "1.3.6.1.6.3.1.1.5.1")] // coldStart
    [InlineData(1, 0, "1.3.6.1.6.3.1.1.5.2")] // warmStart
    [InlineData(2, 0, "1.3.6.1.6.3.1.1.5.3")] // linkDown
    [InlineData(3, 0, "1.3.6.1.6.3.1.1.5.4")] // linkUp
    [InlineData(4, 0, "1.3.6.1.6.3.1.1.5.5")] // authenticationFailure
    [InlineData(5, 0, "1.3.6.1.6.3.1.1.5.6")] // egpNeighborLoss
    [InlineData(6, 42, "1.3.6.1.4.1.2636.0.42")] // enterpriseSpecific: enterprise.0.specific
    public void TrapOid_FollowsRfc3584(int generic, int specific, string expected)
    {
        var trap = new TrapV1Pdu(Enterprise, IPAddress.Parse("192.0.2.7"), generic, specific, 99, []);
        Assert.Equal(expected, TrapV1Translation.TrapOid(trap).ToString());
    }

    [Fact]
    public void VarBinds_StartWithSysUpTimeAndTrapOid_AndEndWithAddressCommunityEnterprise()
    {
        var ifIndex = new VarBind(ObjectIdentifier.Parse(".1.3.6.1.2.1.2.2.1.1.3"), SnmpValue.Integer32(3));
        var trap = new TrapV1Pdu(Enterprise, IPAddress.Parse("192.0.2.7"), 2, 0, 4321, [ifIndex]);

        var varBinds = TrapV1Translation.ToV2VarBinds(trap, "public"u8.ToArray());

        Assert.Equal(
            ["1.3.6.1.2.1.1.3.0", "1.3.6.1.6.3.1.1.4.1.0", "1.3.6.1.2.1.2.2.1.1.3", "1.3.6.1.6.3.18.1.3.0", "1.3.6.1.6.3.18.1.4.0", "1.3.6.1.6.3.1.1.4.3.0"],
            varBinds.Select(v => v.Oid.ToString()));
        Assert.Equal(4321u, varBinds[0].Value.AsUInt32());
        Assert.Equal("192.0.2.7", varBinds[3].Value.AsIPAddress().ToString());
        Assert.Equal(Enterprise, varBinds[5].Value.AsObjectIdentifier());
    }

    [Fact]
    public void VarBindsAlreadyPresent_AreNotAddedTwice()
    {
        var address = new VarBind(TrapV1Translation.SnmpTrapAddress, SnmpValue.IpAddress(IPAddress.Parse("198.51.100.1")));
        var trap = new TrapV1Pdu(Enterprise, IPAddress.Parse("192.0.2.7"), 6, 1, 0, [address]);

        var varBinds = TrapV1Translation.ToV2VarBinds(trap, "public"u8.ToArray());

        Assert.Single(varBinds, v => v.Oid == TrapV1Translation.SnmpTrapAddress);
        Assert.Equal("198.51.100.1", varBinds.Single(v => v.Oid == TrapV1Translation.SnmpTrapAddress).Value.AsIPAddress().ToString());
    }
}
