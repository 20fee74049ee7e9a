namespace SonLa.Monitor.Agent.Configuration;

/// <summary>
/// A community, passphrase or token. <see cref="ToString"/> is <c>***</c> so it cannot leak through
/// logs, exception messages or string interpolation; code that needs the value calls <see cref="Reveal"/>.
/// </summary>
public sealed class Secret : IEquatable<Secret>
{
    public const string Mask = "***";

    private readonly string _value;

    public Secret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    public bool IsEmpty => _value.Length == 0;

    public int Length => _value.Length;

    public string Reveal() => _value;

    public override string ToString() => Mask;

    public bool Equals(Secret? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Secret other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}
