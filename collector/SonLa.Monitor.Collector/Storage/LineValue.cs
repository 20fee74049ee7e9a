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
    private readonly double _double;
    private readonly long _integer;
    private readonly ulong _unsigned;
    private readonly string? _string;
    private readonly bool _boolean;

    private LineValue(LineValueKind kind, double d = 0, long i = 0, ulong u = 0, string? s = null, bool b = false)
    {
        Kind = kind;
        _double = d;
        _integer = i;
        _unsigned = u;
        _string = s;
        _boolean = b;
    }

    public LineValueKind Kind { get; }

    /// <summary>A field whose value is missing; it makes its point invalid.</summary>
    public static LineValue Missing => default;

    public static LineValue FromDouble(double value) => new(LineValueKind.Double, d: value);

    public static LineValue FromInteger(long value) => new(LineValueKind.Integer, i: value);

    public static LineValue FromUInteger(ulong value) => new(LineValueKind.UInteger, u: value);

    public static LineValue FromString(string value) => new(LineValueKind.String, s: value ?? throw new ArgumentNullException(nameof(value)));

    public static LineValue FromBoolean(bool value) => new(LineValueKind.Boolean, b: value);

    public double AsDouble => _double;

    public long AsInteger => _integer;

    public ulong AsUInteger => _unsigned;

    public string AsString => _string ?? "";

    public bool AsBoolean => _boolean;

    /// <summary>Null when the value can be written; otherwise why not.</summary>
    public string? Problem => Kind switch
    {
        LineValueKind.None => "no value",
        LineValueKind.Double when !double.IsFinite(_double) => $"non-finite double {_double.ToString(CultureInfo.InvariantCulture)}",
        _ => null,
    };

    public override string ToString() => Kind switch
    {
        LineValueKind.Double => _double.ToString("R", CultureInfo.InvariantCulture),
        LineValueKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        LineValueKind.UInteger => _unsigned.ToString(CultureInfo.InvariantCulture),
        LineValueKind.String => _string ?? "",
        LineValueKind.Boolean => _boolean ? "true" : "false",
        _ => "(none)",
    };
}
