using System.Globalization;

namespace SonLa.Monitor.Collector.Storage;

/// <summary>
/// One typed field value. Unsigned values are written as InfluxDB integers: InfluxDB 1.x has no
/// unsigned type, and a field must keep one type forever (a float one day and an integer the next is
/// a "field type conflict"). Values above <see cref="long.MaxValue"/> are stored wrapped (two's
/// complement, the same 64 bits), so nothing is lost: a reader casts the int64 back to uint64.
/// </summary>
public readonly record struct LineValue
{
    // One 64-bit slot for whichever number the kind says (a double by its bits), so a value is 24 bytes, not 40: a point
    // of a backlog drain carries a dozen of them, and each is allocated in the point's field array.
    private readonly long _bits;
    private readonly string? _string;

    private LineValue(LineValueKind kind, long bits, string? s = null)
    {
        Kind = kind;
        _bits = bits;
        _string = s;
    }

    public LineValueKind Kind { get; }

    /// <summary>A field whose value is missing; it makes its point invalid.</summary>
    public static LineValue Missing => default;

    public static LineValue FromDouble(double value) => new(LineValueKind.Double, BitConverter.DoubleToInt64Bits(value));

    public static LineValue FromInteger(long value) => new(LineValueKind.Integer, value);

    public static LineValue FromUInteger(ulong value) => new(LineValueKind.UInteger, unchecked((long)value));

    public static LineValue FromString(string value) => new(LineValueKind.String, 0, value ?? throw new ArgumentNullException(nameof(value)));

    public static LineValue FromBoolean(bool value) => new(LineValueKind.Boolean, value ? 1 : 0);

    public double AsDouble => Kind == LineValueKind.Double ? BitConverter.Int64BitsToDouble(_bits) : 0;

    public long AsInteger => Kind == LineValueKind.Integer ? _bits : 0;

    public ulong AsUInteger => Kind == LineValueKind.UInteger ? unchecked((ulong)_bits) : 0;

    public string AsString => _string ?? "";

    public bool AsBoolean => Kind == LineValueKind.Boolean && _bits != 0;

    /// <summary>Null when the value can be written; otherwise why not.</summary>
    public string? Problem => Kind switch
    {
        LineValueKind.None => "no value",
        LineValueKind.Double when !double.IsFinite(AsDouble) => $"non-finite double {AsDouble.ToString(CultureInfo.InvariantCulture)}",
        _ => null,
    };

    public override string ToString() => Kind switch
    {
        LineValueKind.Double => AsDouble.ToString("R", CultureInfo.InvariantCulture),
        LineValueKind.Integer => AsInteger.ToString(CultureInfo.InvariantCulture),
        LineValueKind.UInteger => AsUInteger.ToString(CultureInfo.InvariantCulture),
        LineValueKind.String => _string ?? "",
        LineValueKind.Boolean => AsBoolean ? "true" : "false",
        _ => "(none)",
    };
}
