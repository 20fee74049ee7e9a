using System.Text.Json;
using SonLa.Monitor.Agent.Cli;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.Cli;

/// <summary>get and walk against a real snmpd, with net-snmp's own tools as the oracle.</summary>
public class CliSnmpdTests(CliSnmpdFixture fixture) : IClassFixture<CliSnmpdFixture>
{
    private const string Root = CliSnmpdFixture.Root;
    private const string SysUpTime = ".1.3.6.1.2.1.1.3.0";

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData("-Cr10", "-Cr10")]
    [InlineData("-Cr3", "-Cr", "3")]
    [InlineData("-Cr1", "-C", "r1")]
    public async Task Walk_PassPersistSubtree_MatchesSnmpbulkwalk(string toolFlag, params string[] ourFlags)
    {
        var expected = await SnmpdServer.RunToolAsync("snmpbulkwalk", ["-v2c", "-c", "public", "-On", toolFlag, fixture.Address, Root]);
        var ours = await CliResult.RunAsync(["walk", "-v", "2c", "-c", "public", .. ourFlags, fixture.Address, Root]);

        Assert.Equal(0, expected.ExitCode);
        Assert.Equal(0, ours.ExitCode);
        Assert.Empty(ours.StandardError);
        // 18 rows; the Vietnamese and 34-byte values span several lines, as net-snmp prints them.
        Assert.True(Lines(expected.StandardOutput).Length > CliSnmpdFixture.Rows.Length);
        Assert.Equal(Lines(expected.StandardOutput), ours.OutputLines);
    }

    [Fact]
    public async Task Walk_V1_MatchesSnmpwalk()
    {
        var expected = await SnmpdServer.RunToolAsync("snmpwalk", ["-v1", "-c", "public", "-On", fixture.Address, Root]);
        var ours = await CliResult.RunAsync("walk", "-v1", "-cpublic", fixture.Address, Root);

        Assert.Equal(0, ours.ExitCode);
        Assert.Equal(Lines(expected.StandardOutput), ours.OutputLines);
        // Counter64 does not exist in SNMPv1: snmpd skips it, and so do we.
        Assert.DoesNotContain(ours.OutputLines, l => l.Contains("Counter64", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Walk_SystemGroup_MatchesSnmpbulkwalk_ExceptTheTickingSysUpTime()
    {
        const string system = ".1.3.6.1.2.1.1";
        var expected = await SnmpdServer.RunToolAsync("snmpbulkwalk", ["-v2c", "-c", "public", "-On", "-Cr10", fixture.Address, system]);
        var ours = await CliResult.RunAsync("walk", "-Cr10", fixture.Address, system);

        Assert.Equal(0, ours.ExitCode);
        static string[] Stable(string text) => [.. Lines(text).Where(l => !l.StartsWith(SysUpTime + " ", StringComparison.Ordinal))];
        Assert.Contains(".1.3.6.1.2.1.1.5.0 = STRING: \"tram-chieng-coi\"", ours.OutputLines);
        Assert.Equal(Stable(expected.StandardOutput), Stable(ours.StandardOutput));
        Assert.Single(ours.OutputLines, l => l.StartsWith(SysUpTime + " = Timeticks: (", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(".1.3.6.1.2.1.1.5.0")]
    [InlineData(".1.3.6.1.4.1.88888")]
    [InlineData(Root + ".17")]
    public async Task Walk_LeafEmptyAndSmallSubtrees_MatchSnmpbulkwalk(string root)
    {
        var expected = await SnmpdServer.RunToolAsync("snmpbulkwalk", ["-v2c", "-c", "public", "-On", fixture.Address, root]);
        var ours = await CliResult.RunAsync("walk", fixture.Address, root);

        Assert.Equal(0, ours.ExitCode);
        Assert.NotEmpty(ours.OutputLines);
        Assert.Equal(Lines(expected.StandardOutput), ours.OutputLines);
    }

    [Fact]
    public async Task Walk_OverIPv6_SameAsOverIPv4()
    {
        var v4 = await CliResult.RunAsync("walk", fixture.Address, Root);
        var v6 = await CliResult.RunAsync("walk", $"udp6:[::1]:{fixture.Snmpd.Port}", Root);
        Assert.Equal(0, v6.ExitCode);
        Assert.Equal(v4.StandardOutput, v6.StandardOutput);
    }

    [Fact]
    public async Task Walk_FlushesWhileWaitingForTheAgent()
    {
        using var stdout = new FlushCountingWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(["walk", "-Cr2", fixture.Address, Root], stdout, stderr, CancellationToken.None);

        Assert.Equal(0, exitCode);
        // 18 rows two at a time: nine GETBULKs and more, each waited for with the lines so far flushed.
        Assert.True(stdout.FlushesWithNewText >= 2, $"only {stdout.FlushesWithNewText} flush(es) carried output");
    }

    [Fact]
    public async Task Get_SeveralOidsWithMissingOnes_MatchesSnmpget()
    {
        string[] oids = [$"{Root}.1.0", ".1.3.6.1.2.1.1.99.0", $"{Root}.99.0", ".1.3.6.1.2.1.1.5.0", $"{Root}.3.0", $"{Root}.2.0"];
        var expected = await SnmpdServer.RunToolAsync("snmpget", ["-v2c", "-c", "public", "-On", fixture.Address, .. oids]);
        var ours = await CliResult.RunAsync(["get", "-v2c", "-c", "public", fixture.Address, .. oids]);

        Assert.Equal(expected.ExitCode, ours.ExitCode);
        Assert.Equal(0, ours.ExitCode);
        Assert.Empty(ours.StandardError);
        Assert.Contains(".1.3.6.1.2.1.1.99.0 = No Such Object available on this agent at this OID", ours.OutputLines);
        Assert.Equal(Lines(expected.StandardOutput), ours.OutputLines);
    }

    [Fact]
    public async Task Get_V1NoSuchName_ReportsLikeSnmpget_AndPrintsTheRest()
    {
        string[] oids = [$"{Root}.2.0", ".1.3.6.1.2.1.1.99.0", ".1.3.6.1.2.1.1.5.0"];
        var expected = await SnmpdServer.RunToolAsync("snmpget", ["-v1", "-c", "public", "-On", fixture.Address, .. oids]);
        var ours = await CliResult.RunAsync(["get", "-v1", fixture.Address, .. oids]);

        Assert.Equal(2, expected.ExitCode);
        Assert.Equal(ExitCodes.ErrorInPacket, ours.ExitCode);
        Assert.Equal(Lines(expected.StandardOutput), ours.OutputLines);
        Assert.Equal(
            ["Error in packet: (noSuchName) There is no such variable name in this MIB. Failed object: .1.3.6.1.2.1.1.99.0"],
            ours.ErrorLines);
    }

    [Fact]
    public async Task Get_V1NoSuchName_WithCf_StopsAtTheError()
    {
        var ours = await CliResult.RunAsync("get", "-v1", "-Cf", fixture.Address, ".1.3.6.1.2.1.1.99.0", ".1.3.6.1.2.1.1.5.0");
        Assert.Equal(ExitCodes.ErrorInPacket, ours.ExitCode);
        Assert.Empty(ours.StandardOutput);
        Assert.Single(ours.ErrorLines);
    }

    [Fact]
    public async Task WalkJson_HasTheContractsTypesAndValues()
    {
        var result = await CliResult.RunAsync("walk", "--json", fixture.Address, Root);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(CliSnmpdFixture.Rows.Length, result.OutputLines.Length);
        var byOid = result.OutputLines.Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("oid").GetString()!);
        JsonElement Row(string suffix) => byOid[$"{Root[1..]}.{suffix}"];

        var counter64 = Row("1.0");
        Assert.Equal("Counter64", counter64.GetProperty("type").GetString());
        Assert.Equal(ulong.MaxValue, counter64.GetProperty("value").GetUInt64());
        Assert.Equal("18446744073709551615", counter64.GetProperty("value").GetRawText());

        Assert.Equal("Integer32", Row("2.0").GetProperty("type").GetString());
        Assert.Equal(-42, Row("2.0").GetProperty("value").GetInt32());
        Assert.Equal(int.MinValue, Row("15.0").GetProperty("value").GetInt32());

        var vietnamese = Row("3.0");
        Assert.Equal("OctetString", vietnamese.GetProperty("type").GetString());
        Assert.Equal(CliSnmpdFixture.Vietnamese, vietnamese.GetProperty("value").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(CliSnmpdFixture.Vietnamese)), vietnamese.GetProperty("hex").GetString());
        Assert.Equal("Cổng Dịch vụ công quốc gia", Row("16.0").GetProperty("value").GetString());

        var binary = Row("4.0");
        Assert.Equal("00ff1080", binary.GetProperty("hex").GetString());
        Assert.False(binary.TryGetProperty("value", out _));
        Assert.Equal("5254001a2b3c", Row("12.0").GetProperty("hex").GetString());
        Assert.False(Row("12.0").TryGetProperty("value", out _));

        Assert.Equal("", Row("11.0").GetProperty("hex").GetString());
        Assert.Equal("say \"hi\" \\ back", Row("13.0").GetProperty("value").GetString());

        Assert.Equal("IpAddress", Row("6.0").GetProperty("type").GetString());
        Assert.Equal("10.0.0.1", Row("6.0").GetProperty("value").GetString());
        Assert.Equal("ObjectIdentifier", Row("7.0").GetProperty("type").GetString());
        Assert.Equal("1.3.6.1.4.1.8072", Row("7.0").GetProperty("value").GetString());
        Assert.Equal("TimeTicks", Row("8.0").GetProperty("type").GetString());
        Assert.Equal(4294967295L, Row("8.0").GetProperty("value").GetInt64());
        Assert.Equal("Gauge32", Row("9.0").GetProperty("type").GetString());
        Assert.Equal("Counter32", Row("10.0").GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Number, Row("10.0").GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task GetJson_MissingOid_HasItsExceptionTypeAndNoValue()
    {
        var result = await CliResult.RunAsync("get", "--json", fixture.Address, ".1.3.6.1.2.1.1.99.0", ".1.3.6.1.2.1.1.5.0");
        Assert.Equal(0, result.ExitCode);
        var missing = JsonDocument.Parse(result.OutputLines[0]).RootElement;
        Assert.Equal("1.3.6.1.2.1.1.99.0", missing.GetProperty("oid").GetString());
        Assert.Equal("NoSuchObject", missing.GetProperty("type").GetString());
        Assert.False(missing.TryGetProperty("value", out _));
        var name = JsonDocument.Parse(result.OutputLines[1]).RootElement;
        Assert.Equal("tram-chieng-coi", name.GetProperty("value").GetString());
    }

    [Fact]
    public async Task WrongCommunity_IsATimeout_OneLineThatSaysSo()
    {
        var result = await CliResult.RunAsync("get", "-c", "wrong-community", "-t", "0.5", "-r", "0", fixture.Address, ".1.3.6.1.2.1.1.5.0");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        Assert.Equal(
            [$"Timeout: No Response from {fixture.Address} (timeout 0.5 s, 0 retries); a wrong community looks the same"],
            result.ErrorLines);
        Assert.DoesNotContain("wrong-community", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WalkWrongCommunity_IsATimeout()
    {
        var result = await CliResult.RunAsync("walk", "-cwrong", "-t0.3", "-r1", fixture.Address, Root);
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith($"Timeout: No Response from {fixture.Address} (timeout 0.3 s, 1 retry)", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedOutput_WhileTheAgentIsAsked_StopsTheWalk_Exit141()
    {
        // Closed when the printed lines are flushed, i.e. while the next GETBULK is in flight.
        using var stdout = new ClosingWriter(linesBeforeClose: 3);
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(["walk", "-Cr1", fixture.Address, Root], stdout, stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.OutputClosed, exitCode);
        Assert.InRange(stdout.Lines, 3, CliSnmpdFixture.Rows.Length - 1);
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public async Task ClosedOutput_WhileWriting_StopsTheWalk_Exit141()
    {
        using var stdout = new ClosingWriter(linesBeforeClose: 2, onWrite: true);
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(["walk", fixture.Address, Root], stdout, stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.OutputClosed, exitCode);
        Assert.Equal(2, stdout.Lines);
        Assert.Empty(stderr.ToString());
    }

    private sealed class ClosingWriter(int linesBeforeClose, bool onWrite = false) : StringWriter
    {
        public int Lines { get; private set; }

        public override void Write(char value)
        {
            if (value != '\n')
            {
                return;
            }

            if (onWrite && Lines >= linesBeforeClose)
            {
                throw new OutputClosedException("closed");
            }

            Lines++;
        }

        public override void Write(string? value)
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            Lines >= linesBeforeClose ? Task.FromException(new OutputClosedException("closed")) : Task.CompletedTask;
    }

    private sealed class FlushCountingWriter : StringWriter
    {
        private int _flushedLength;

        public int FlushesWithNewText { get; private set; }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Count();
            return Task.CompletedTask;
        }

        public override void Flush() => Count();

        private void Count()
        {
            var length = GetStringBuilder().Length;
            if (length > _flushedLength)
            {
                FlushesWithNewText++;
                _flushedLength = length;
            }
        }
    }
}
