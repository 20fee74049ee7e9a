namespace SonLa.Monitor.Protocol.Compact;

/// <summary>The points of one decoded group: per row its series and time (indexes into the batch's tables) and the field columns.</summary>
public sealed class CompactColumnGroup(int[] seriesIndexes, int[] timeIndexes, CompactField[] fields)
{
    public int[] SeriesIndexes { get; } = seriesIndexes;

    public int[] TimeIndexes { get; } = timeIndexes;

    public CompactField[] Fields { get; } = fields;

    public int Count => SeriesIndexes.Length;
}
