namespace SonLa.Monitor.Protocol.Compact;

/// <summary>How a column's values follow its mode byte; numbers are the format's, never renumber.</summary>
internal enum ColumnMode : byte
{
    /// <summary>One value, shared by every point of the group.</summary>
    Constant = 0,

    /// <summary>
    /// Integers: each value as the zigzag varint of its (wrapping) difference from the previous one, the first from 0.
    /// Doubles: every value is an integral within ±2^53, and an integer column (with its own mode byte) follows.
    /// </summary>
    Delta = 1,

    /// <summary>Integers: each value as a zigzag varint. Doubles: each value tagged (see <see cref="CompactWriter.WriteDouble"/>).</summary>
    Plain = 2,

    /// <summary>Integers: a run count, then each run as a zigzag value and a varint length (≥ 1); the lengths add up to the point count.</summary>
    Runs = 3,
}
