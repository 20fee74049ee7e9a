using System.Text;
using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Agent.Tests.Polling;

public class InterfaceRowBuilderTests
{
    private static Dictionary<uint, Dictionary<uint, SnmpValue>> Table(params (uint Column, uint Index, SnmpValue Value)[] cells)
    {
        var table = new Dictionary<uint, Dictionary<uint, SnmpValue>>();
        foreach (var (column, index, value) in cells)
        {
            if (!table.TryGetValue(column, out var rows))
            {
                table[column] = rows = [];
            }

            rows[index] = value;
        }

        return table;
    }

    [Fact]
    public void Names_IfNameElseIfDescrElseIndex_Utf8AndLatin1NeverHex()
    {
        var ifTable = Table(
            (MibOids.IfDescr, 1, SnmpValue.OctetString("eth0")),
            (MibOids.IfDescr, 2, SnmpValue.OctetString("Cổng WAN")),
            (MibOids.IfDescr, 3, SnmpValue.OctetString(Encoding.Latin1.GetBytes("Notélé"))),
            (MibOids.IfDescr, 4, SnmpValue.OctetString("")));
        var ifXTable = Table(
            (MibOids.IfName, 1, SnmpValue.OctetString("Gi0/1")),
            (MibOids.IfAlias, 1, SnmpValue.OctetString("Uplink – Xã Mường Bú\0")));
        var rows = InterfaceRowBuilder.Build(ifTable, ifXTable);
        Assert.Equal(["Gi0/1", "Cổng WAN", "Notélé", "ifIndex.4"], rows.Select(r => r.Name));
        Assert.Equal("Uplink – Xã Mường Bú", rows[0].Alias);
    }

    [Theory]
    [InlineData(100_000_000u, 100u, false, 100_000_000ul)]
    [InlineData(uint.MaxValue, 10_000u, true, 10_000_000_000ul)]
    [InlineData(uint.MaxValue, null, false, 4_294_967_295ul)]
    [InlineData(1_544_000u, 2u, true, 1_544_000ul)] // T1: ifHighSpeed rounds, ifSpeed is exact
    [InlineData(1_000_000_000u, 10_000u, true, 10_000_000_000ul)] // ifSpeed stale, HC device says 10G
    [InlineData(null, 1_000u, true, 1_000_000_000ul)]
    public void Speed_Table(uint? ifSpeed, uint? ifHighSpeed, bool hc, ulong expected) =>
        Assert.Equal(expected, InterfaceRowBuilder.Speed(ifSpeed, ifHighSpeed, hc));

    [Fact]
    public void Counters_HcPreferred_Else32Bit()
    {
        var ifTable = Table(
            (MibOids.IfInOctets, 1, SnmpValue.Counter32(5)),
            (MibOids.IfOutOctets, 1, SnmpValue.Counter32(6)),
            (MibOids.IfInOctets, 2, SnmpValue.Counter32(7)));
        var ifXTable = Table(
            (MibOids.IfHCInOctets, 1, SnmpValue.Counter64(5_000_000_000)),
            (MibOids.IfHCOutOctets, 1, SnmpValue.Counter64(6_000_000_000)),
            (MibOids.IfCounterDiscontinuityTime, 1, SnmpValue.TimeTicks(42)));
        var rows = InterfaceRowBuilder.Build(ifTable, ifXTable);
        Assert.Equal(CounterReading.Counter64(5_000_000_000), rows[0].InOctets);
        Assert.Equal(42u, rows[0].CounterDiscontinuityTime);
        Assert.Equal(CounterReading.Counter32(7), rows[1].InOctets);
        Assert.Null(rows[1].OutOctets);
    }
}
