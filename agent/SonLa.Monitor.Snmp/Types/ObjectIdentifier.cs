using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace SonLa.Monitor.Snmp.Types;

/// <summary>
/// An immutable OBJECT IDENTIFIER: 32-bit unsigned sub-identifiers, ordered lexicographically as
/// SNMP orders the MIB (a prefix sorts before its extensions).
/// </summary>
public sealed class ObjectIdentifier : IEquatable<ObjectIdentifier>, IComparable<ObjectIdentifier>, IComparable
{
    private readonly uint[] _arcs;
    private string? _text;
    private int _hash;

    public ObjectIdentifier(ReadOnlySpan<uint> components)
        : this(components.ToArray(), validate: true)
    {
    }

    private ObjectIdentifier(uint[] arcs, bool validate)
    {
        if (validate)
        {
            Validate(arcs);
        }

        _arcs = arcs;
    }

    public int Length => _arcs.Length;

    public uint this[int index] => _arcs[index];

    public ReadOnlySpan<uint> Components => _arcs;

    /// <summary>Parses "1.3.6.1.2.1.1.3.0" or ".1.3.6.1.2.1.1.3.0".</summary>
    public static ObjectIdentifier Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var oid, out var reason)
            ? oid
            : throw new FormatException($"'{text}' is not a numeric OID: {reason}.");
    }

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ObjectIdentifier? oid) =>
        TryParse(text, out oid, out _);

    private static bool TryParse(string? text, [NotNullWhen(true)] out ObjectIdentifier? oid, out string reason)
    {
        oid = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "it is empty";
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span[0] == '.')
        {
            span = span[1..];
        }

        var arcs = new List<uint>(16);
        foreach (var range in span.Split('.'))
        {
            var part = span[range];
            if (part.IsEmpty || !char.IsAsciiDigit(part[0]) ||
                !uint.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var arc))
            {
                reason = part.IsEmpty ? "empty sub-identifier" : $"'{part}' is not a number from 0 to 4294967295";
                return false;
            }

            arcs.Add(arc);
        }

        var array = arcs.ToArray();
        reason = CheckArcs(array) ?? "";
        if (reason.Length > 0)
        {
            return false;
        }

        oid = new ObjectIdentifier(array, validate: false);
        return true;
    }

    /// <summary>Wraps an array the caller will never touch again (decoder output).</summary>
    internal static ObjectIdentifier FromOwnedArray(uint[] arcs) => new(arcs, validate: false);

    public bool StartsWith(ObjectIdentifier prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return _arcs.AsSpan().StartsWith(prefix._arcs);
    }

    /// <summary>The index part after <paramref name="prefix"/> (e.g. the ifIndex after ifDescr).</summary>
    public ReadOnlySpan<uint> Suffix(ObjectIdentifier prefix)
    {
        return StartsWith(prefix)
            ? _arcs.AsSpan(prefix.Length)
            : throw new ArgumentException($".{this} does not start with .{prefix}.", nameof(prefix));
    }

    public ObjectIdentifier Append(uint component) => Append([component]);

    public ObjectIdentifier Append(ReadOnlySpan<uint> components)
    {
        var arcs = new uint[_arcs.Length + components.Length];
        _arcs.CopyTo(arcs, 0);
        components.CopyTo(arcs.AsSpan(_arcs.Length));
        return new ObjectIdentifier(arcs, validate: true);
    }

    public bool Equals(ObjectIdentifier? other) =>
        other is not null && (ReferenceEquals(this, other) || _arcs.AsSpan().SequenceEqual(other._arcs));

    public override bool Equals(object? obj) => Equals(obj as ObjectIdentifier);

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_arcs.AsSpan()));
            var value = hash.ToHashCode();
            _hash = value == 0 ? 1 : value;
        }

        return _hash;
    }

    public int CompareTo(ObjectIdentifier? other) =>
        other is null ? 1 : _arcs.AsSpan().SequenceCompareTo(other._arcs);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        ObjectIdentifier oid => CompareTo(oid),
        _ => throw new ArgumentException("Not an ObjectIdentifier.", nameof(obj)),
    };

    /// <summary>Dotted form without a leading dot: "1.3.6.1.2.1.1.3.0".</summary>
    public override string ToString()
    {
        if (_text is null)
        {
            var builder = new StringBuilder(_arcs.Length * 4);
            for (var i = 0; i < _arcs.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append('.');
                }

                builder.Append(_arcs[i].ToString(CultureInfo.InvariantCulture));
            }

            _text = builder.ToString();
        }

        return _text;
    }

    public static bool operator ==(ObjectIdentifier? left, ObjectIdentifier? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(ObjectIdentifier? left, ObjectIdentifier? right) => !(left == right);

    public static bool operator <(ObjectIdentifier? left, ObjectIdentifier? right) =>
        left is null ? right is not null : left.CompareTo(right) < 0;

    public static bool operator <=(ObjectIdentifier? left, ObjectIdentifier? right) =>
        left is null || left.CompareTo(right) <= 0;

    public static bool operator >(ObjectIdentifier? left, ObjectIdentifier? right) =>
        left is not null && left.CompareTo(right) > 0;

    public static bool operator >=(ObjectIdentifier? left, ObjectIdentifier? right) =>
        left is null ? right is null : left.CompareTo(right) >= 0;

    private static void Validate(uint[] arcs)
    {
        var reason = CheckArcs(arcs);
        if (reason is not null)
        {
            throw new ArgumentException($"Not a valid OID: {reason}.", nameof(arcs));
        }
    }

    /// <summary>X.660 arc rules, which BER's packing of the first two arcs depends on.</summary>
    private static string? CheckArcs(uint[] arcs)
    {
        if (arcs.Length > Ber.BerPrimitives.MaxOidLength)
        {
            return $"more than {Ber.BerPrimitives.MaxOidLength} sub-identifiers";
        }

        if (arcs.Length >= 1 && arcs[0] > 2)
        {
            return "the first arc must be 0, 1 or 2";
        }

        if (arcs.Length >= 2 && arcs[0] < 2 && arcs[1] > 39)
        {
            return "under arcs 0 and 1 the second arc must be at most 39";
        }

        if (arcs.Length >= 2 && arcs[0] == 2 && arcs[1] > uint.MaxValue - 80)
        {
            return "under arc 2 the second arc must be at most 4294967215";
        }

        return null;
    }
}
