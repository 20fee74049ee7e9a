using System.ComponentModel;
using System.Globalization;

namespace SonLa.Monitor.Collector.Configuration;

/// <summary>Lets the configuration binder turn a string into a <see cref="Secret"/>.</summary>
public sealed class SecretTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? new Secret(text) : base.ConvertFrom(context, culture, value);

    // Converting back to a string masks it: a secret is never written out.
    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) ? Secret.Mask : base.ConvertTo(context, culture, value, destinationType);
}
