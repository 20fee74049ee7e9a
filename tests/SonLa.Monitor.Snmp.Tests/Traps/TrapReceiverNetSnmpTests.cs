using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Traps;
using SonLa.Monitor.Snmp.Types;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Snmp.Tests.Traps;

/// <summary>net-snmp's snmptrap and snmpinform against our receiver on a loopback port.</summary>
public sealed class TrapReceiverNetSnmpTests
{
    private static readonly ObjectIdentifier IfIndex3 = ObjectIdentifier.Parse(".1.3.6.1.2.1.2.2.1.1.3");

    [Fact]
    public async Task SnmptrapV1_ArrivesInTheV2FormOfRfc3584()
    {
        await using var receiver = new RunningTrapReceiver(TrapTestPeers.Processor());
        var run = await SnmpdServer.RunToolAsync("snmptrap", TrapTestPeers.V1LinkDown(receiver.Target));
        Assert.Equal(0, run.ExitCode);

        var trap = await receiver.NextAsync();
        Assert.Equal(SnmpVersion.V1, trap.Version);
        Assert.Equal(".1.3.6.1.6.3.1.1.5.3", "." + trap.TrapOid);
        Assert.Equal(12345u, trap.SysUpTime);
        Assert.Equal(TrapV1Translation.SysUpTime, trap.VarBinds[0].Oid);
        Assert.Equal(TrapV1Translation.SnmpTrapOid, trap.VarBinds[1].Oid);
        Assert.Equal(3, trap.VarBinds.Single(v => v.Oid == IfIndex3).Value.AsInt32());
        Assert.Equal("127.0.0.1", trap.VarBinds.Single(v => v.Oid == TrapV1Translation.SnmpTrapAddress).Value.AsIPAddress().ToString());
        Assert.Equal(".1.3.6.1.4.1.99999", "." + trap.VarBinds.Single(v => v.Oid == TrapV1Translation.SnmpTrapEnterprise).Value.AsObjectIdentifier());
        Assert.Contains(trap.VarBinds, v => v.Oid == TrapV1Translation.SnmpTrapCommunity);
    }

    [Fact]
    public async Task SnmptrapV2c_IsDecodedWithItsVarBinds()
    {
        await using var receiver = new RunningTrapReceiver(TrapTestPeers.Processor());
        Assert.Equal(0, (await SnmpdServer.RunToolAsync("snmptrap", TrapTestPeers.V2cLinkDown(receiver.Target))).ExitCode);

        var trap = await receiver.NextAsync();
        Assert.Equal(SnmpVersion.V2c, trap.Version);
        Assert.Equal(PduType.SNMPv2Trap, trap.PduType);
        Assert.Equal(".1.3.6.1.6.3.1.1.5.3", "." + trap.TrapOid);
        Assert.Equal(3, trap.VarBinds.Single(v => v.Oid == IfIndex3).Value.AsInt32());
        Assert.True(trap.VarBinds.Single(v => v.Oid == ObjectIdentifier.Parse(".1.3.6.1.2.1.2.2.1.2.3")).Value.TryGetText(out var name));
        Assert.Equal("ge-0/0/2", name);
    }

    [Fact]
    public async Task SnmptrapV3AuthPriv_WithTheConfiguredUserAndEngineId_IsDecoded()
    {
        await using var receiver = new RunningTrapReceiver(TrapTestPeers.Processor());
        Assert.Equal(0, (await SnmpdServer.RunToolAsync("snmptrap", TrapTestPeers.V3LinkUp(receiver.Target))).ExitCode);

        var trap = await receiver.NextAsync();
        Assert.Equal(SnmpVersion.V3, trap.Version);
        Assert.Equal(TrapTestPeers.UserName, trap.UserName);
        Assert.Equal(".1.3.6.1.6.3.1.1.5.4", "." + trap.TrapOid);
        Assert.Equal(7, trap.VarBinds.Single(v => v.Oid == ObjectIdentifier.Parse(".1.3.6.1.2.1.2.2.1.1.7")).Value.AsInt32());
    }

    [Fact]
    public async Task SnmpinformV2c_IsAnswered_SoItExitsZero()
    {
        await using var receiver = new RunningTrapReceiver(TrapTestPeers.Processor());
        var run = await SnmpdServer.RunToolAsync("snmpinform", TrapTestPeers.V2cInform(receiver.Target));
        Assert.True(run.ExitCode == 0, run.StandardError);

        var inform = await receiver.NextAsync();
        Assert.True(inform.IsInform);
        Assert.Equal(".1.3.6.1.6.3.1.1.5.1", "." + inform.TrapOid);
        Assert.True(receiver.Receiver.Statistics.InformsAnswered >= 1);
    }

    [Fact]
    public async Task SnmpinformV3AuthPriv_DiscoversOurEngine_AndIsAnswered()
    {
        await using var receiver = new RunningTrapReceiver(TrapTestPeers.Processor());
        var run = await SnmpdServer.RunToolAsync("snmpinform", TrapTestPeers.V3Inform(receiver.Target));
        Assert.True(run.ExitCode == 0, run.StandardError);

        var inform = await receiver.NextAsync();
        Assert.True(inform.IsInform);
        Assert.Equal(SnmpVersion.V3, inform.Version);
        Assert.Equal(".1.3.6.1.6.3.1.1.5.2", "." + inform.TrapOid);
        Assert.True(receiver.Receiver.Statistics.Get(TrapRejection.Discovery) >= 1);
    }

    [Fact]
    public async Task WrongCommunityAndWrongV3Key_AreNotAccepted_ButCounted()
    {
        await using var receiver = new RunningTrapReceiver(TrapTestPeers.Processor());
        Assert.Equal(0, (await SnmpdServer.RunToolAsync("snmptrap", TrapTestPeers.V2cLinkDown(receiver.Target, "not-the-community"))).ExitCode);
        Assert.Equal(0, (await SnmpdServer.RunToolAsync("snmptrap", TrapTestPeers.V1LinkDown(receiver.Target, "not-the-community"))).ExitCode);
        Assert.Equal(0, (await SnmpdServer.RunToolAsync("snmptrap", TrapTestPeers.V3LinkUp(receiver.Target, privPassphrase: "wrong-priv-pass"))).ExitCode);
        Assert.Equal(0, (await SnmpdServer.RunToolAsync("snmptrap", TrapTestPeers.V3LinkUp(receiver.Target, engineHex: "80000000AABBCCDD"))).ExitCode);

        // A good trap after the bad ones: once it is in, the bad ones (sent before, same socket) were processed.
        Assert.Equal(0, (await SnmpdServer.RunToolAsync("snmptrap", TrapTestPeers.V2cLinkDown(receiver.Target))).ExitCode);
        var only = await receiver.NextAsync();
        Assert.Equal(SnmpVersion.V2c, only.Version);
        Assert.False(receiver.TryNext(out _));
        Assert.Equal(4, receiver.Receiver.Statistics.AuthenticationFailures);
        Assert.Equal(1, receiver.Receiver.Statistics.Received);
    }
}
