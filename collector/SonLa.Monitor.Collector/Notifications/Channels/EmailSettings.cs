namespace SonLa.Monitor.Collector.Notifications.Channels;

/// <summary>
/// The e-mail channel's SMTP settings, resolved from its options (port defaulted, password revealed). A class, not a
/// record: a record's generated ToString would print the password.
/// </summary>
public sealed class EmailSettings
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    public EmailSecurity Security { get; init; } = EmailSecurity.StartTls;

    public string? Username { get; init; }

    public string? Password { get; init; }

    public required string From { get; init; }

    public required IReadOnlyList<string> To { get; init; }

    public string? CaCertificatePath { get; init; }
}
