using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Snmp;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;
using SonLa.Monitor.Snmp.Walking;

namespace SonLa.Monitor.Agent.Cli;

/// <summary>
/// Runs a parsed get or walk against the agent and turns every failure into one stderr line and
/// an exit code (see <see cref="ExitCodes"/>).
/// </summary>
internal static class SnmpCommandRunner
{
    public static async Task<int> RunAsync(SnmpCommandLine command, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        IPEndPoint endPoint;
        try
        {
            endPoint = await SnmpTarget.ParseEndPointAsync(command.Agent, SnmpTarget.DefaultPort, cancellationToken);
        }
        catch (FormatException e)
        {
            await stderr.WriteLineAsync(e.InnerException is SocketException socket
                ? $"Unknown host ({command.Agent}): {socket.Message}"
                : $"Bad HOST[:PORT]: {e.Message}");
            return ExitCodes.Failure;
        }

        var target = new SnmpTarget(endPoint)
        {
            Version = command.Version,
            Community = command.Community.Reveal(),
            Timeout = command.Timeout,
            Retries = command.Retries,
            MaxRepetitions = command.MaxRepetitions,
            Security = command.Version == SnmpVersion.V3 ? CreateSecurity(command.Usm) : null,
        };

        await using var client = new SnmpClient();
        var printer = new VarBindPrinter(stdout, command.Json);
        try
        {
            return command.Command == "walk"
                ? await WalkAsync(client, target, command.Oids[0], printer, stdout, cancellationToken)
                : await GetAsync(client, target, command, printer, stderr, cancellationToken);
        }
        catch (SnmpTimeoutException)
        {
            await stdout.FlushAsync(CancellationToken.None);
            await stderr.WriteLineAsync(DescribeTimeout(command, endPoint, client.Statistics));
            return ExitCodes.Failure;
        }
        catch (SnmpErrorException e)
        {
            await stdout.FlushAsync(CancellationToken.None);
            await stderr.WriteLineAsync(DescribeErrorInPacket(e.ErrorStatus, e.Oid));
            return ExitCodes.ErrorInPacket;
        }
        catch (SnmpReportException e)
        {
            // Unknown user, wrong digest, decryption error, ...: the message names what to check, never a passphrase.
            await stdout.FlushAsync(CancellationToken.None);
            await stderr.WriteLineAsync(OneLine(e.Message));
            return ExitCodes.Failure;
        }
        catch (SnmpWalkException e)
        {
            await stdout.FlushAsync(CancellationToken.None);
            await stderr.WriteLineAsync($"Error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (SnmpException e)
        {
            await stdout.FlushAsync(CancellationToken.None);
            await stderr.WriteLineAsync(OneLine(e.Message));
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// One GET with every OID, as snmpget: exceptions (noSuchObject, ...) print as values; an
    /// error-status is reported and, unless -Cf, the request asked again without the named OID.
    /// </summary>
    private static async Task<int> GetAsync(SnmpClient client, SnmpTarget target, SnmpCommandLine command, VarBindPrinter printer, TextWriter stderr, CancellationToken cancellationToken)
    {
        var oids = command.Oids.ToList();
        var exitCode = ExitCodes.Success;
        while (true)
        {
            var response = await client.SendAsync(target, Pdu.GetRequest(oids), cancellationToken);
            if (response.ErrorStatus == ErrorStatus.NoError)
            {
                foreach (var varBind in response.VarBinds)
                {
                    printer.Write(varBind);
                }

                return exitCode;
            }

            var index = response.ErrorIndex;
            var failed = index >= 1 && index <= oids.Count ? oids[index - 1] : null;
            await stderr.WriteLineAsync(DescribeErrorInPacket(response.ErrorStatus, failed));
            exitCode = ExitCodes.ErrorInPacket;
            if (!command.FixErrors || failed is null || oids.Count == 1)
            {
                return exitCode;
            }

            oids.RemoveAt(index - 1);
        }
    }

    /// <summary>Streams the walk: the buffered output is flushed whenever the next answer is not there yet.</summary>
    private static async Task<int> WalkAsync(SnmpClient client, SnmpTarget target, ObjectIdentifier root, VarBindPrinter printer, TextWriter stdout, CancellationToken cancellationToken)
    {
        var varBinds = SnmpWalker.WalkAsync(client, target, root, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                var next = varBinds.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    try
                    {
                        await stdout.FlushAsync(cancellationToken);
                    }
                    catch
                    {
                        // An async iterator cannot be disposed while a MoveNextAsync is pending.
                        await SettleAsync(next);
                        throw;
                    }
                }

                if (!await next)
                {
                    return ExitCodes.Success;
                }

                printer.Write(varBinds.Current);
            }
        }
        finally
        {
            await varBinds.DisposeAsync();
        }
    }

    private static async Task SettleAsync(ValueTask<bool> pending)
    {
        try
        {
            await pending;
        }
#pragma warning disable CA1031 // The flush's exception is the one to report.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>net-snmp's three lines ("Error in packet", "Reason: ...", "Failed object: ...") as one.</summary>
    public static string DescribeErrorInPacket(ErrorStatus status, ObjectIdentifier? failed)
    {
        var reason = ErrorStatusText.Describe(status);
        if (failed is null)
        {
            return $"Error in packet: {reason}";
        }

        return reason.EndsWith('.') ? $"Error in packet: {reason} Failed object: .{failed}" : $"Error in packet: {reason}. Failed object: .{failed}";
    }

    private static string DescribeTimeout(SnmpCommandLine command, IPEndPoint endPoint, SnmpClientStatistics statistics)
    {
        var where = command.Agent == endPoint.ToString() ? command.Agent : $"{command.Agent} ({endPoint})";
        var retries = command.Retries == 1 ? "1 retry" : string.Create(CultureInfo.InvariantCulture, $"{command.Retries} retries");
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Timeout: No Response from {where} (timeout {command.Timeout.TotalSeconds:0.###} s, {retries})");
        if (command.Version != SnmpVersion.V3)
        {
            text += "; a wrong community looks the same";
        }

        if (statistics.MalformedResponses > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {statistics.MalformedResponses} malformed response(s) were received and dropped");
        }

        return text;
    }

    private static UsmSecurity CreateSecurity(UsmArguments usm) =>
        UsmSecurityFactory.Create(usm.User!, usm.Level, usm.AuthProtocol, usm.AuthPassphrase, usm.PrivProtocol, usm.PrivPassphrase, usm.ContextName) with
        {
            // Explicit: a null byte[] would convert to an empty (not absent) engine id.
            ContextEngineId = usm.ContextEngineId is { } contextEngineId ? (ReadOnlyMemory<byte>?)contextEngineId : null,
            SecurityEngineId = usm.SecurityEngineId is { } securityEngineId ? (ReadOnlyMemory<byte>?)securityEngineId : null,
        };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
