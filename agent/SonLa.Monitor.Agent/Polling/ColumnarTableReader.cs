using SonLa.Monitor.Snmp;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;
using SonLa.Monitor.Snmp.Walking;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// Reads chosen columns of a conceptual table together, as snmptable does: one GETBULK (v2c) or GETNEXT (v1)
/// carries every unfinished column, so a 10-row table costs one or two round trips instead of a walk per column,
/// and columns the device lacks (no ifXTable HC counters) simply finish empty. max-repetitions adapts to the device
/// (<see cref="AdaptiveBulk"/>).
/// </summary>
public static class ColumnarTableReader
{
    /// <summary>Keeps a GETBULK response around a few kilobytes whatever the column count.</summary>
    public const int MaxVarBindsPerRequest = 200;

    /// <summary>A runaway agent cannot keep us walking forever.</summary>
    public const int MaxRequests = 2000;

    /// <summary>
    /// Fills <paramref name="into"/> (column → row index → value) as responses arrive, so that a timeout half-way
    /// still leaves the rows already read to the caller. Rows with a multi-component index are ignored (IF-MIB has none).
    /// </summary>
    public static async Task ReadAsync(
        SnmpClient client,
        SnmpTarget target,
        ObjectIdentifier entry,
        IReadOnlyList<uint> columns,
        Dictionary<uint, Dictionary<uint, SnmpValue>> into,
        int? expectedRows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(into);
        var active = columns.Select(c => new ColumnCursor(c, entry.Append(c))).ToList();
        foreach (var column in active)
        {
            into.TryAdd(column.Column, []);
        }

        var maxRepetitions = Math.Max(1, target.MaxRepetitions);
        if (expectedRows is > 0 and < int.MaxValue)
        {
            // One more than the rows, so the first answer also shows where each column ends.
            maxRepetitions = Math.Min(maxRepetitions, expectedRows.Value + 1);
        }

        for (var request = 0; active.Count > 0 && request < MaxRequests; request++)
        {
            var oids = active.Select(a => a.Current).ToList();
            IReadOnlyList<VarBind> varBinds;
            try
            {
                if (target.Version == SnmpVersion.V1)
                {
                    varBinds = await client.GetNextAsync(target, oids, cancellationToken);
                }
                else
                {
                    // The engine lowers this further for a device that answered tooBig or dropped big answers, and remembers.
                    var repetitions = Math.Clamp(MaxVarBindsPerRequest / active.Count, 1, maxRepetitions);
                    var response = await AdaptiveBulk.GetBulkAsync(client, target, 0, repetitions, oids, answeredBefore: true, cancellationToken);
                    if (response.ErrorStatus != ErrorStatus.NoError)
                    {
                        var index = response.ErrorIndex;
                        throw new SnmpErrorException(response.ErrorStatus, index, index >= 1 && index <= oids.Count ? oids[index - 1] : null, target.EndPoint.ToString());
                    }

                    varBinds = response.VarBinds;
                }
            }
            catch (SnmpErrorException ex) when (ex.ErrorStatus == ErrorStatus.NoSuchName && ex.ErrorIndex >= 1 && ex.ErrorIndex <= active.Count)
            {
                // SNMPv1 ends a column with noSuchName for the whole request: drop that column, ask again.
                active.RemoveAt(ex.ErrorIndex - 1);
                continue;
            }

            if (varBinds.Count == 0)
            {
                break;
            }

            var finished = new bool[active.Count];
            for (var k = 0; k < varBinds.Count; k++)
            {
                var i = k % active.Count;
                if (finished[i])
                {
                    continue;
                }

                var cursor = active[i];
                var varBind = varBinds[k];
                if (varBind.Value.IsException || !varBind.Oid.StartsWith(cursor.Root) || varBind.Oid.CompareTo(cursor.Current) <= 0)
                {
                    finished[i] = true;
                    continue;
                }

                cursor.Current = varBind.Oid;
                var index = varBind.Oid.Suffix(cursor.Root);
                if (index.Length == 1)
                {
                    into[cursor.Column][index[0]] = varBind.Value;
                }
            }

            active = active.Where((_, i) => !finished[i]).ToList();
        }
    }

    private sealed class ColumnCursor(uint column, ObjectIdentifier root)
    {
        public uint Column { get; } = column;

        public ObjectIdentifier Root { get; } = root;

        public ObjectIdentifier Current { get; set; } = root;
    }
}
