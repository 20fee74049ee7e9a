using System.Globalization;
using System.Text;

namespace SonLa.Monitor.Collector.Auth;

/// <summary>Login counters for <c>GET /metrics</c> (Prometheus text format).</summary>
public sealed class AuthMetrics
{
    private long _logins;
    private long _failures;
    private long _throttled;
    private long _lockouts;
    private long _bearerFailures;

    public long Logins => Interlocked.Read(ref _logins);

    public long Failures => Interlocked.Read(ref _failures);

    public long Throttled => Interlocked.Read(ref _throttled);

    public long Lockouts => Interlocked.Read(ref _lockouts);

    public long BearerFailures => Interlocked.Read(ref _bearerFailures);

    public void LoginSucceeded() => Interlocked.Increment(ref _logins);

    public void LoginFailed() => Interlocked.Increment(ref _failures);

    public void LoginThrottled() => Interlocked.Increment(ref _throttled);

    public void LockoutStarted() => Interlocked.Increment(ref _lockouts);

    public void BearerTokenRefused() => Interlocked.Increment(ref _bearerFailures);

    public string Render()
    {
        var text = new StringBuilder(1024);
        Counter(text, "sonla_collector_logins_total", "Successful logins to the web UI / API.", Logins);
        Counter(text, "sonla_collector_login_failures_total", "Failed logins (unknown user, wrong password, disabled user).", Failures);
        Counter(text, "sonla_collector_login_throttled_total", "Login attempts refused unchecked because the user name or client address was locked out.", Throttled);
        Counter(text, "sonla_collector_login_lockouts_total", "Lockouts started by repeated failed logins.", Lockouts);
        Counter(text, "sonla_collector_api_token_failures_total", "API requests with an unknown or revoked bearer token.", BearerFailures);
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, long value) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(" counter\n")
            .Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
