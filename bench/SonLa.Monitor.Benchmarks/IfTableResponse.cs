using System.Text;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Benchmarks;

/// <summary>A realistic GETBULK response: 5 ifTable rows x 10 columns = 50 varbinds, as a router sends it.</summary>
internal static class IfTableResponse
{
    public const int VarBindCount = 50;

    public static byte[] Build()
    {
        var ifEntry = ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1");
        uint[] ifIndexes = [1, 2, 3, 10101, 4294967295];
        var varBinds = new List<VarBind>();
        foreach (var index in ifIndexes)
        {
            varBinds.Add(Vb(ifEntry, 1, index, SnmpValue.Integer32((int)(index & 0x7FFFFFFF))));
            varBinds.Add(Vb(ifEntry, 2, index, SnmpValue.OctetString(Encoding.UTF8.GetBytes($"GigabitEthernet0/{index}"))));
            varBinds.Add(Vb(ifEntry, 3, index, SnmpValue.Integer32(6)));
            varBinds.Add(Vb(ifEntry, 4, index, SnmpValue.Integer32(1500)));
            varBinds.Add(Vb(ifEntry, 5, index, SnmpValue.Gauge32(1_000_000_000)));
            varBinds.Add(Vb(ifEntry, 6, index, SnmpValue.OctetString(new byte[] { 0x52, 0x54, 0x00, 0x1a, 0x2b, (byte)index })));
            varBinds.Add(Vb(ifEntry, 7, index, SnmpValue.Integer32(1)));
            varBinds.Add(Vb(ifEntry, 8, index, SnmpValue.Integer32(2)));
            varBinds.Add(Vb(ifEntry, 9, index, SnmpValue.TimeTicks(123_456_789)));
            varBinds.Add(Vb(ifEntry, 10, index, SnmpValue.Counter32(3_987_654_321)));
        }

        var pdu = new Pdu(PduType.Response, 1_234_567_890, varBinds);
        return CommunityMessageCodec.Encode(new CommunityMessage(SnmpVersion.V2c, "public"u8.ToArray(), pdu));
    }

    private static VarBind Vb(ObjectIdentifier entry, uint column, uint index, SnmpValue value) =>
        new(entry.Append([column, index]), value);
}
