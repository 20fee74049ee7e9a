using SonLa.Monitor.Agent.Cli;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Agent.Tests.Cli;

/// <summary>Answers real snmpd never gives: each still ends in one stderr line and a non-zero exit.</summary>
public class CliMisbehavingAgentTests
{
    private static readonly ObjectIdentifier Base = ObjectIdentifier.Parse("1.3.6.1.4.1.99999");

    [Fact]
    public async Task MalformedResponses_TimeoutLineCountsThem()
    {
        await using var agent = new MisbehavingAgent(_ => [0x30, 0x03, 0x02, 0x01]);
        var result = await CliResult.RunAsync("get", "-t", "1", "-r", "1", agent.Address, ".1.3.6.1.2.1.1.5.0");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal(
            [$"Timeout: No Response from {agent.Address} (timeout 1 s, 1 retry); a wrong community looks the same; 2 malformed response(s) were received and dropped"],
            result.ErrorLines);
    }

    [Fact]
    public async Task WalkErrorStatus_NamesTheStatusAndTheOid_Exit2()
    {
        await using var agent = new MisbehavingAgent(request => MisbehavingAgent.Response(request,
            new Pdu(PduType.Response, 0, request.Pdu!.VarBinds) { ErrorStatus = ErrorStatus.GenErr, ErrorIndex = 1 }));
        var result = await CliResult.RunAsync("walk", "-t", "2", agent.Address, ".1.3.6.1.4.1.99999");

        Assert.Equal(ExitCodes.ErrorInPacket, result.ExitCode);
        Assert.Equal(["Error in packet: (genError) A general failure occured. Failed object: .1.3.6.1.4.1.99999"], result.ErrorLines);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task GetErrorStatus_TooBigWithoutIndex_Exit2()
    {
        await using var agent = new MisbehavingAgent(request => MisbehavingAgent.Response(request,
            new Pdu(PduType.Response, 0, request.Pdu!.VarBinds) { ErrorStatus = ErrorStatus.TooBig, ErrorIndex = 0 }));
        var result = await CliResult.RunAsync("get", "-t", "2", agent.Address, ".1.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.6.0");

        Assert.Equal(ExitCodes.ErrorInPacket, result.ExitCode);
        Assert.Equal(["Error in packet: (tooBig) Response message would have been too large."], result.ErrorLines);
    }

    [Fact]
    public async Task WalkOidNotIncreasing_PrintsWhatCameFirst_ThenOneLine()
    {
        // Every answer is the same two rows: the second GETBULK goes back, which must end the walk.
        await using var agent = new MisbehavingAgent(request => MisbehavingAgent.Response(request,
            new Pdu(PduType.Response, 0,
            [
                new VarBind(Base.Append([1, 0]), SnmpValue.Integer32(1)),
                new VarBind(Base.Append([2, 0]), SnmpValue.Integer32(2)),
            ])));
        var result = await CliResult.RunAsync("walk", "-t", "2", "-Cr2", agent.Address, ".1.3.6.1.4.1.99999");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal([".1.3.6.1.4.1.99999.1.0 = INTEGER: 1", ".1.3.6.1.4.1.99999.2.0 = INTEGER: 2"], result.OutputLines);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("Error: OID not increasing: ", line, StringComparison.Ordinal);
    }
}
