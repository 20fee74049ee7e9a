using System.ComponentModel;

namespace SonLa.Monitor.Collector.Configuration;

/// <summary>
/// A configured secret (token, password). <see cref="ToString"/> is always "***" so the value
/// cannot leak through logs, exception messages or serialisation by accident; code that needs it
/// asks for <see cref="Reveal"/> explicitly.
/// </summary>
[TypeConverter(typeof(SecretTypeConverter))]
public sealed class Secret
{
    public const string Mask = "***";

    private readonly string _value;

    public Secret(string value)
    {
        _value = value ?? "";
    }

    public bool IsEmpty => string.IsNullOrWhiteSpace(_value);

    public string Reveal() => _value;

    public override string ToString() => Mask;
}
