using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Tests.Ingest;

public class BatchConverterTests
{
    [Fact]
    public void Point_GetsTheAuthenticatedSite_ReplacingTheAgentsSiteTag()
    {
        var point = BatchConverter.FromPoint(Samples.Interface("router", "1", "Cổng quang", spoofedSite: "other"), "chieng-coi");

        Assert.Equal(
            "interface,device=router,if_index=1,if_name=Cổng\\ quang,site=chieng-coi in_bps=1500000.5,in_octets=12345678901234i,oper_status=1i,out_octets=987654321i 1768465800123456789",
            LineProtocol.Format(point));
    }

    [Fact]
    public void Event_BecomesAnEventPoint_WithVarBindFields()
    {
        var point = BatchConverter.FromEvent(Samples.LinkDown("router"), "chieng-coi");

        Assert.Equal(
            "event,device=router,if_index=3,kind=link_down,site=chieng-coi message=\"Cổng quang mất tín hiệu\",trap_oid=\"1.3.6.1.6.3.1.1.5.3\"," +
            "vb_1_3_6_1_2_1_2_2_1_1_3=\"3\",vb_1_3_6_1_2_1_2_2_1_8_3=\"2\" 1768465800123456789",
            LineProtocol.Format(point));
    }

    [Fact]
    public void EventWithoutTrapOidOrIfIndex_HasJustTheMessage()
    {
        var point = BatchConverter.FromEvent(new Event { Device = "ups", Kind = "power_lost", Message = "Mất điện", TimeUnixNs = 5 }, "s1");

        Assert.Equal("event,device=ups,kind=power_lost,site=s1 message=\"Mất điện\" 5", LineProtocol.Format(point));
    }

    [Theory]
    [InlineData(".1.3.6.1.2.1.1.3.0", "vb_1_3_6_1_2_1_1_3_0")]
    [InlineData("1.3.6.1.6.3.1.1.4.1.0", "vb_1_3_6_1_6_3_1_1_4_1_0")]
    public void VarBindField_IsTheOidWithUnderscores(string oid, string field)
    {
        Assert.Equal(field, BatchConverter.VarBindField(oid));
    }

    [Fact]
    public void InvalidPoints_AreCountedOneByOne_WithTheFirstReason()
    {
        var noValue = Samples.Device("a");
        noValue.Fields["uptime_s"] = new FieldValue();
        var infinite = Samples.Device("b");
        infinite.Fields["response_ms"] = new FieldValue { DoubleValue = double.PositiveInfinity };
        var batch = Samples.Batch("boot", 1, Samples.Device("ok"), noValue, infinite);
        batch.Events.Add(Samples.LinkDown("router"));

        var converted = BatchConverter.Convert(batch, "s1");

        Assert.Equal(4, converted.Total);
        Assert.Equal(2, converted.Invalid);
        Assert.Equal(2, converted.Points.Count);
        Assert.Equal("point 1: measurement 'device' field 'uptime_s': no value", converted.FirstProblem);
    }

    [Fact]
    public void PointOrEventWithoutTime_AndEventWithoutKind_AreInvalid()
    {
        var batch = Samples.Batch("boot", 1, Samples.Device("no-time", time: 0), Samples.Device("ok"));
        batch.Events.Add(new Event { Device = "r", Kind = "", Message = "m", TimeUnixNs = 5 });
        batch.Events.Add(new Event { Device = "r", Kind = "reboot", Message = "m", TimeUnixNs = 0 });

        var converted = BatchConverter.Convert(batch, "s1");

        Assert.Equal(3, converted.Invalid);
        Assert.Equal("device", Assert.Single(converted.Points).Measurement);
        Assert.Equal("point 0: no time_unix_ns", converted.FirstProblem);
    }
}
