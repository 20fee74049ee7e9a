using System.Net;
using SonLa.Monitor.Snmp.Formatting;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Tests.Formatting;

/// <summary>
/// Renderings copied from net-snmp 5.9.3's snmpbulkwalk -On output (the interop tests compare the
/// rest against the live tool).
/// </summary>
public sealed class NetSnmpFormatterTests
{
    public static TheoryData<string, SnmpValue, string> Renderings => new()
    {
        { "timeticks under a day", SnmpValue.TimeTicks(12345), "Timeticks: (12345) 0:02:03.45" },
        { "timeticks one day", SnmpValue.TimeTicks(8640000), "Timeticks: (8640000) 1 day, 0:00:00.00" },
        { "timeticks two days", SnmpValue.TimeTicks(17280000), "Timeticks: (17280000) 2 days, 0:00:00.00" },
        { "timeticks max", SnmpValue.TimeTicks(uint.MaxValue), "Timeticks: (4294967295) 497 days, 2:27:52.95" },
        { "timeticks zero", SnmpValue.TimeTicks(0), "Timeticks: (0) 0:00:00.00" },
        { "integer negative", SnmpValue.Integer32(-5), "INTEGER: -5" },
        { "counter32 max", SnmpValue.Counter32(uint.MaxValue), "Counter32: 4294967295" },
        { "gauge32", SnmpValue.Gauge32(7), "Gauge32: 7" },
        { "counter64 max", SnmpValue.Counter64(ulong.MaxValue), "Counter64: 18446744073709551615" },
        { "empty string", SnmpValue.OctetString(""), "\"\"" },
        { "ascii string", SnmpValue.OctetString("plain"), "STRING: \"plain\"" },
        { "quotes and backslashes escaped", SnmpValue.OctetString("say \"hi\" \\\\ back"), "STRING: \"say \\\"hi\\\" \\\\\\\\ back\"" },
        { "white space stays raw", SnmpValue.OctetString("A\nB\tC"), "STRING: \"A\nB\tC\"" },
        { "vertical tab and form feed are white space", SnmpValue.OctetString("A\v\fB"), "STRING: \"A\v\fB\"" },
        { "UTF-8 is hex without MIBs", SnmpValue.OctetString("Xã Chiềng Cơi"), "Hex-STRING: 58 C3 A3 20 43 68 69 E1 BB 81 6E 67 20 43 C6 A1 \n69 " },
        { "trailing NUL is hex", SnmpValue.OctetString(new byte[] { 0x41, 0x42, 0x43, 0 }), "Hex-STRING: 41 42 43 00 " },
        { "DEL is hex", SnmpValue.OctetString(new byte[] { 0x41, 0x7F }), "Hex-STRING: 41 7F " },
        { "exactly 16 bytes, one line", SnmpValue.OctetString(Enumerable.Range(0, 16).Select(i => (byte)i).ToArray()), "Hex-STRING: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F " },
        { "32 bytes, two lines", SnmpValue.OctetString(new byte[32]), "Hex-STRING: " + string.Concat(Enumerable.Repeat("00 ", 16)) + "\n" + string.Concat(Enumerable.Repeat("00 ", 16)) },
        { "MAC address", SnmpValue.OctetString(new byte[] { 0x52, 0x54, 0, 0x1a, 0x2b, 0x3c }), "Hex-STRING: 52 54 00 1A 2B 3C " },
        { "opaque", SnmpValue.Opaque(new byte[] { 1, 2, 3 }), "OPAQUE: 01 02 03 " },
        { "opaque empty", SnmpValue.Opaque(ReadOnlyMemory<byte>.Empty), "OPAQUE: " },
        { "opaque float", SnmpValue.Opaque(Hex.Bytes("9f 78 04 3f c0 00 00")), "Opaque: Float: 1.500000" },
        { "opaque float nan", SnmpValue.Opaque(Hex.Bytes("9f 78 04 7f c0 00 00")), "Opaque: Float: nan" },
        { "opaque float 10000001", SnmpValue.Opaque(Hex.Bytes("9f 78 04 4b 18 96 81")), "Opaque: Float: 10000001.000000" },
        { "opaque double is labelled Float", SnmpValue.Opaque(Hex.Bytes("9f 79 08 c1 d2 65 80 b4 87 e6 b7")), "Opaque: Float: -1234567890.123457" },
        { "opaque counter64", SnmpValue.Opaque(Hex.Bytes("9f 76 02 01 00")), "Opaque: Counter64: 256" },
        { "opaque counter64 max", SnmpValue.Opaque(Hex.Bytes("9f 76 09 00 ff ff ff ff ff ff ff ff")), "Opaque: Counter64: 18446744073709551615" },
        { "opaque int64", SnmpValue.Opaque(Hex.Bytes("9f 7a 01 ff")), "Opaque: Int64: -1" },
        { "opaque uint64", SnmpValue.Opaque(Hex.Bytes("9f 7b 01 05")), "Opaque: UInt64: 5" },
        { "opaque with a bad inner length stays hex", SnmpValue.Opaque(Hex.Bytes("9f 78 03 3f c0 00")), "OPAQUE: 9F 78 03 3F C0 00 " },
        { "oid", SnmpValue.ObjectIdentifier(ObjectIdentifier.Parse("1.3.6.1.4.1.99999.5.4294967295")), "OID: .1.3.6.1.4.1.99999.5.4294967295" },
        { "ip address", SnmpValue.IpAddress(IPAddress.Parse("10.1.2.3")), "IpAddress: 10.1.2.3" },
        { "null", SnmpValue.Null, "NULL" },
        { "noSuchObject", SnmpValue.NoSuchObject, "No Such Object available on this agent at this OID" },
        { "noSuchInstance", SnmpValue.NoSuchInstance, "No Such Instance currently exists at this OID" },
        { "endOfMibView", SnmpValue.EndOfMibView, "No more variables left in this MIB View (It is past the end of the MIB tree)" },
    };

    [Theory]
    [MemberData(nameof(Renderings))]
    public void FormatValue_MatchesNetSnmp(string description, SnmpValue value, string expected) =>
        Assert.True(expected == NetSnmpFormatter.FormatValue(value), $"{description}: got [{NetSnmpFormatter.FormatValue(value)}]");

    [Fact]
    public void Format_PrefixesDottedOid() =>
        Assert.Equal(".1.3.6.1.2.1.1.3.0 = Timeticks: (12345) 0:02:03.45",
            NetSnmpFormatter.Format(new VarBind(ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(12345))));
}
