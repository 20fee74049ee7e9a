namespace SonLa.Monitor.Protocol.Compact;

/// <summary>
/// One field column of a decoded group: the rows (points of the group, in order) that have it and their values,
/// already checked: <see cref="Integers"/> for Int, UInt (the 64 bits), Bool (0/1) and String (an index into
/// <see cref="CompactColumns.Strings"/>), <see cref="Doubles"/> for Double; <c>Values[i]</c> belongs to <c>Rows[i]</c>.
/// </summary>
public sealed class CompactField(string name, FieldKind kind, int[] rows, long[]? integers, double[]? doubles)
{
    public string Name { get; } = name;

    public FieldKind Kind { get; } = kind;

    public int[] Rows { get; } = rows;

    public long[]? Integers { get; } = integers;

    public double[]? Doubles { get; } = doubles;
}
