using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Pdus;

/// <summary>
/// Any PDU with the common layout (RFC 3416 PDU and BulkPDU). For GetBulkRequest the two middle
/// fields are <see cref="NonRepeaters"/> and <see cref="MaxRepetitions"/>; otherwise error-status
/// and error-index.
/// </summary>
public sealed class Pdu
{
    public Pdu(PduType type, int requestId, IReadOnlyList<VarBind> varBinds)
    {
        ArgumentNullException.ThrowIfNull(varBinds);
        if (type == PduType.TrapV1)
        {
            throw new ArgumentException("An SNMPv1 Trap-PDU has its own layout: use TrapV1Pdu.", nameof(type));
        }

        Type = type;
        RequestId = requestId;
        VarBinds = varBinds;
    }

    public PduType Type { get; }

    public int RequestId { get; init; }

    public ErrorStatus ErrorStatus { get; init; }

    public int ErrorIndex { get; init; }

    /// <summary>GetBulkRequest only (shares the error-status field on the wire).</summary>
    public int NonRepeaters { get; init; }

    /// <summary>GetBulkRequest only (shares the error-index field on the wire).</summary>
    public int MaxRepetitions { get; init; }

    public IReadOnlyList<VarBind> VarBinds { get; init; }

    public static Pdu GetRequest(IEnumerable<ObjectIdentifier> oids) =>
        new(PduType.GetRequest, 0, ToRequestVarBinds(oids));

    public static Pdu GetNextRequest(IEnumerable<ObjectIdentifier> oids) =>
        new(PduType.GetNextRequest, 0, ToRequestVarBinds(oids));

    public static Pdu GetBulkRequest(int nonRepeaters, int maxRepetitions, IEnumerable<ObjectIdentifier> oids)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nonRepeaters);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRepetitions);
        return new(PduType.GetBulkRequest, 0, ToRequestVarBinds(oids))
        {
            NonRepeaters = nonRepeaters,
            MaxRepetitions = maxRepetitions,
        };
    }

    /// <summary>A copy with another request-id (the client assigns ids).</summary>
    public Pdu WithRequestId(int requestId) => new(Type, requestId, VarBinds)
    {
        ErrorStatus = ErrorStatus,
        ErrorIndex = ErrorIndex,
        NonRepeaters = NonRepeaters,
        MaxRepetitions = MaxRepetitions,
    };

    public override string ToString() =>
        $"{Type} request-id {RequestId}, {(Type == PduType.GetBulkRequest ? $"non-repeaters {NonRepeaters}, max-repetitions {MaxRepetitions}" : $"error-status {ErrorStatus}, error-index {ErrorIndex}")}, {VarBinds.Count} varbind(s)";

    private static VarBind[] ToRequestVarBinds(IEnumerable<ObjectIdentifier> oids)
    {
        ArgumentNullException.ThrowIfNull(oids);
        return [.. oids.Select(VarBind.Request)];
    }
}
