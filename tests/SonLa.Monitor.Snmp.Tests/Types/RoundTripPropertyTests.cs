using CsCheck;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Types;
using SonLa.Monitor.Snmp.Tests.Messages;
using SonLa.Monitor.Snmp.Tests.Hostile;

namespace SonLa.Monitor.Snmp.Tests.Types;

/// <summary>Properties over random values: encode→decode is the identity; random bytes never crash.</summary>
public sealed class RoundTripPropertyTests
{
    private static readonly Gen<ObjectIdentifier> GenOid =
        Gen.Select(Gen.UInt[0, 2], Gen.UInt[0, 39], Gen.UInt.Array[0, 40])
            .Select((first, second, rest) => new ObjectIdentifier([first, second, .. rest]));

    private static readonly Gen<SnmpValue> GenValue = Gen.OneOf(
        Gen.Int.Select(SnmpValue.Integer32),
        Gen.UInt.Select(SnmpValue.Counter32),
        Gen.UInt.Select(SnmpValue.Gauge32),
        Gen.UInt.Select(SnmpValue.TimeTicks),
        Gen.ULong.Select(SnmpValue.Counter64),
        Gen.Byte.Array[0, 300].Select(b => SnmpValue.OctetString(b)),
        Gen.Byte.Array[0, 20].Select(b => SnmpValue.Opaque(b)),
        Gen.Byte.Array[4].Select(b => SnmpValue.IpAddress(b)),
        GenOid.Select(SnmpValue.ObjectIdentifier),
        Gen.Const(SnmpValue.Null),
        Gen.Const(SnmpValue.NoSuchObject),
        Gen.Const(SnmpValue.NoSuchInstance),
        Gen.Const(SnmpValue.EndOfMibView));

    private static readonly Gen<VarBind> GenVarBind = Gen.Select(GenOid, GenValue).Select((o, v) => new VarBind(o, v));

    [Fact]
    public void Message_RoundTrips()
    {
        Gen.Select(Gen.Int, GenVarBind.Array[0, 30], Gen.Byte.Array[0, 40], Gen.Int[0, 18])
            .Sample((requestId, varBinds, community, status) =>
            {
                var pdu = new Pdu(PduType.Response, requestId, varBinds) { ErrorStatus = (ErrorStatus)status, ErrorIndex = varBinds.Length };
                var bytes = CommunityMessageCodec.Encode(new CommunityMessage(SnmpVersion.V2c, community, pdu));
                var back = CommunityMessageCodec.Decode(bytes);
                Assert.Equal(community, back.Community.ToArray());
                Assert.Equal(requestId, back.Pdu!.RequestId);
                Assert.Equal((ErrorStatus)status, back.Pdu.ErrorStatus);
                Assert.Equal(varBinds, back.Pdu.VarBinds);
            }, iter: 2000);
    }

    [Fact]
    public void Oid_TextRoundTrips_AndOrderMatchesComponents()
    {
        Gen.Select(GenOid, GenOid).Sample((a, b) =>
        {
            Assert.Equal(a, ObjectIdentifier.Parse(a.ToString()));
            Assert.Equal(Math.Sign(a.Components.SequenceCompareTo(b.Components)), Math.Sign(a.CompareTo(b)));
        }, iter: 2000);
    }

    [Fact]
    public void MutatedMessages_ThrowNothingButSnmpDecodeException() =>
        DecodeProperties.MutationsThrowOnlyDecodeException([CommunityMessageCodecTests.SampleResponse()],
            bytes => CommunityMessageCodec.Decode(bytes));

    [Fact]
    public void RandomBytes_ThrowNothingButSnmpDecodeException() =>
        DecodeProperties.RandomBytesThrowOnlyDecodeException(bytes => CommunityMessageCodec.Decode(bytes));
}
