namespace SonLa.Monitor.Protocol.Compact;

/// <summary>How a column's values follow its mode byte; numbers are the format's, never renumber.</summary>
internal enum ColumnMode : byte
{
    /// <summary>One value, shared by every point of the group.</summary>
    Constant = 0,

    /// <summary>Integers: each value as the zigzag varint of its (wrapping) difference from the previous one, the first from 0.</summary>
    Delta = 1,

    /// <summary>Integers: each value as a zigzag varint. Doubles: each value tagged (see <see cref="CompactWriter.WriteDouble"/>).</summary>
    Plain = 2,
}
