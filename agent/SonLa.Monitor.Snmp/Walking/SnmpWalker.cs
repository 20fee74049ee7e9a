using System.Runtime.CompilerServices;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Walking;

/// <summary>
/// Walks a subtree as snmpbulkwalk (v2c, GETBULK) and snmpwalk (v1, GETNEXT) do, yielding what
/// they print:
/// <list type="bullet">
/// <item>the walk ends at the first OID outside the subtree;</item>
/// <item>an exception value (endOfMibView, noSuchObject, noSuchInstance) inside the subtree is
/// yielded, then the walk ends — callers that only want data skip <see cref="SnmpValue.IsException"/>;</item>
/// <item>in v1, noSuchName ends the walk;</item>
/// <item>an OID that does not increase throws <see cref="SnmpWalkException"/> (never an endless loop);</item>
/// <item>GETBULK max-repetitions adapts to the device (tooBig, dropped large answers): see <see cref="AdaptiveBulk"/>;</item>
/// <item>when nothing at all was found, the root itself is fetched with a GET and its varbind
/// yielded (so walking a leaf such as sysUpTime.0 returns it).</item>
/// </list>
/// </summary>
public static class SnmpWalker
{
    public static async IAsyncEnumerable<VarBind> WalkAsync(
        SnmpClient client,
        SnmpTarget target,
        ObjectIdentifier root,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(root);

        var bulk = target.Version != SnmpVersion.V1;
        var maxRepetitions = Math.Max(1, target.MaxRepetitions);
        var current = root;
        var found = 0;
        var requests = 0;
        var running = true;
        while (running)
        {
            var response = bulk
                ? await AdaptiveBulk.GetBulkAsync(client, target, 0, maxRepetitions, [current], answeredBefore: requests > 0, cancellationToken)
                : await client.SendAsync(target, Pdu.GetNextRequest([current]), cancellationToken);
            requests++;
            if (response.ErrorStatus != ErrorStatus.NoError)
            {
                if (response.ErrorStatus == ErrorStatus.NoSuchName && !bulk)
                {
                    break;
                }

                SnmpClient.ThrowIfError(target, response, [current]);
            }

            if (response.VarBinds.Count == 0)
            {
                break;
            }

            var previous = current;
            foreach (var varBind in response.VarBinds)
            {
                if (!varBind.Oid.StartsWith(root))
                {
                    running = false;
                    break;
                }

                if (varBind.Value.IsException)
                {
                    found++;
                    yield return varBind;
                    running = false;
                    break;
                }

                // net-snmp's check_oid_increase: compared with the previous OID, starting from the request's.
                if (varBind.Oid.CompareTo(previous) <= 0)
                {
                    throw new SnmpWalkException(previous, varBind.Oid, target.EndPoint.ToString());
                }

                found++;
                previous = varBind.Oid;
                yield return varBind;
            }

            current = previous;
        }

        if (found == 0)
        {
            var response = await client.SendAsync(target, Pdu.GetRequest([root]), cancellationToken);
            if (response.ErrorStatus == ErrorStatus.NoError)
            {
                foreach (var varBind in response.VarBinds)
                {
                    yield return varBind;
                }
            }
        }
    }
}
