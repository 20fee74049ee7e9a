namespace SonLa.Monitor.Collector.Notifications;

/// <summary>How the e-mail channel protects its SMTP session (<c>Notifications:Channels:N:Security</c>).</summary>
public enum EmailSecurity
{
    /// <summary>Plain connect, then STARTTLS, refused if the server does not offer it (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS at all: allowed for loopback hosts only.</summary>
    None,
}
