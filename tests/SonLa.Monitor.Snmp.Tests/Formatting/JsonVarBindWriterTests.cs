using System.Net;
using SonLa.Monitor.Snmp.Formatting;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Tests.Formatting;

public sealed class JsonVarBindWriterTests
{
    public static TheoryData<SnmpValue, string> Cases => new()
    {
        { SnmpValue.TimeTicks(12345), "\"type\":\"TimeTicks\",\"value\":12345" },
        { SnmpValue.Integer32(int.MinValue), "\"type\":\"Integer32\",\"value\":-2147483648" },
        { SnmpValue.Counter32(uint.MaxValue), "\"type\":\"Counter32\",\"value\":4294967295" },
        { SnmpValue.Gauge32(0), "\"type\":\"Gauge32\",\"value\":0" },
        { SnmpValue.Counter64(ulong.MaxValue), "\"type\":\"Counter64\",\"value\":18446744073709551615" },
        { SnmpValue.OctetString("Xã Chiềng Cơi"), "\"type\":\"OctetString\",\"hex\":\"58c3a320436869e1bb816e672043c6a169\",\"value\":\"Xã Chiềng Cơi\"" },
        { SnmpValue.OctetString(""), "\"type\":\"OctetString\",\"hex\":\"\",\"value\":\"\"" },
        { SnmpValue.OctetString(new byte[] { 0x52, 0x54, 0, 0x1a, 0x2b, 0x3c }), "\"type\":\"OctetString\",\"hex\":\"5254001a2b3c\"" },
        { SnmpValue.OctetString(new byte[] { 0x41, 0x42, 0 }), "\"type\":\"OctetString\",\"hex\":\"414200\"" },
        { SnmpValue.OctetString("say \"hi\""), "\"type\":\"OctetString\",\"hex\":\"7361792022686922\",\"value\":\"say \\\"hi\\\"\"" },
        { SnmpValue.Opaque(new byte[] { 1, 2 }), "\"type\":\"Opaque\",\"hex\":\"0102\"" },
        { SnmpValue.ObjectIdentifier(ObjectIdentifier.Parse("1.3.6.1")), "\"type\":\"ObjectIdentifier\",\"value\":\"1.3.6.1\"" },
        { SnmpValue.IpAddress(IPAddress.Parse("10.1.2.3")), "\"type\":\"IpAddress\",\"value\":\"10.1.2.3\"" },
        { SnmpValue.Null, "\"type\":\"Null\",\"value\":null" },
        { SnmpValue.NoSuchObject, "\"type\":\"NoSuchObject\"" },
        { SnmpValue.NoSuchInstance, "\"type\":\"NoSuchInstance\"" },
        { SnmpValue.EndOfMibView, "\"type\":\"EndOfMibView\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToJson_ProductContractShape(SnmpValue value, string rest) =>
        Assert.Equal("{\"oid\":\"1.3.6.1.2.1.1.3.0\"," + rest + "}",
            JsonVarBindWriter.ToJson(new VarBind(ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0"), value)));

    [Fact]
    public void Counter64_IsExactWhenParsed()
    {
        var json = JsonVarBindWriter.ToJson(new VarBind(ObjectIdentifier.Parse("1.3"), SnmpValue.Counter64(ulong.MaxValue - 1)));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(ulong.MaxValue - 1, document.RootElement.GetProperty("value").GetUInt64());
    }
}
