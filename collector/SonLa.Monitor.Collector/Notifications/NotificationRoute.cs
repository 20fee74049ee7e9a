namespace SonLa.Monitor.Collector.Notifications;

/// <summary>
/// Which notifications one channel's audience gets: rules, lowest severity, kinds and districts (each empty = all).
/// A channel limited to districts does not get province-wide notifications (those have no district).
/// </summary>
public sealed class NotificationRoute
{
    private readonly HashSet<string> _rules;
    private readonly HashSet<NotificationKind> _kinds;
    private readonly HashSet<string> _districts;

    public NotificationRoute(IEnumerable<string> rules, NotificationSeverity minSeverity,
        IEnumerable<NotificationKind> kinds, IEnumerable<string> districts)
    {
        _rules = new HashSet<string>(rules.Select(r => r.Trim()), StringComparer.OrdinalIgnoreCase);
        MinSeverity = minSeverity;
        _kinds = [.. kinds];
        _districts = new HashSet<string>(districts.Select(d => d.Trim()), StringComparer.OrdinalIgnoreCase);
    }

    public static NotificationRoute All { get; } = new([], NotificationSeverity.Info, [], []);

    public NotificationSeverity MinSeverity { get; }

    /// <summary>The route of a channel's options; values the validator refuses are ignored here.</summary>
    public static NotificationRoute From(NotificationChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var severity = TryParseSeverity(options.MinSeverity, out var parsed) ? parsed : NotificationSeverity.Info;
        var kinds = options.Kinds.Select(k => (Ok: TryParseKind(k, out var kind), Kind: kind)).Where(k => k.Ok).Select(k => k.Kind);
        return new NotificationRoute(options.Rules, severity, kinds, options.Districts);
    }

    public bool Matches(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.Severity < MinSeverity)
        {
            return false;
        }

        if (_rules.Count > 0 && !_rules.Contains(notification.Rule))
        {
            return false;
        }

        if (_kinds.Count > 0 && !_kinds.Contains(notification.Kind))
        {
            return false;
        }

        return _districts.Count == 0 ||
               (!string.IsNullOrWhiteSpace(notification.District) && _districts.Contains(notification.District.Trim()));
    }

    /// <summary>Empty means the default (Info).</summary>
    public static bool TryParseSeverity(string? text, out NotificationSeverity severity)
    {
        severity = NotificationSeverity.Info;
        return string.IsNullOrWhiteSpace(text) || TryParseName(text, out severity);
    }

    public static bool TryParseKind(string? text, out NotificationKind kind)
    {
        kind = default;
        return !string.IsNullOrWhiteSpace(text) && TryParseName(text.Replace("_", "", StringComparison.Ordinal), out kind);
    }

    // Names only: Enum.TryParse alone would also take "2" or "-1".
    private static bool TryParseName<T>(string text, out T value)
        where T : struct, Enum
    {
        value = default;
        var trimmed = text.Trim();
        return Enum.GetNames<T>().Any(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase)) &&
               Enum.TryParse(trimmed, ignoreCase: true, out value);
    }
}
