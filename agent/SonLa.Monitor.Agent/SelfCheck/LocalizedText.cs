using System.Globalization;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>One sentence in Vietnamese (the default for commune staff) and in English; templates use {0}, {1}, ...</summary>
public sealed record LocalizedText(string Vi, string En)
{
    public static readonly LocalizedText Empty = new("", "");

    public string In(string language) => language == SelfCheckLanguage.English ? En : Vi;

    /// <summary>Fills the template's placeholders (invariant culture: 1.5, not 1,5, in both languages).</summary>
    public LocalizedText Format(params object?[] args) => new(
        string.Format(CultureInfo.InvariantCulture, Vi, args),
        string.Format(CultureInfo.InvariantCulture, En, args));

    /// <summary>Fills the placeholders with arguments that are themselves localized (picked per language).</summary>
    public LocalizedText Format(params LocalizedText[] args) => new(
        string.Format(CultureInfo.InvariantCulture, Vi, args.Select(a => (object?)a.Vi).ToArray()),
        string.Format(CultureInfo.InvariantCulture, En, args.Select(a => (object?)a.En).ToArray()));

    /// <summary>Text that is the same in both languages (a host name, a number).</summary>
    public static LocalizedText Same(string text) => new(text, text);
}
