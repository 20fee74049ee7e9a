namespace SonLa.Monitor.Agent.Cli;

/// <summary>
/// Exit codes of sonla-agent's commands. They follow net-snmp's tools: 1 when there is no answer
/// to print (bad arguments, timeout, unknown host), 2 when the agent answered with an error.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad arguments, timeout, unknown host, network or protocol failure.</summary>
    public const int Failure = 1;

    /// <summary>The agent answered with an error-status (noSuchName, genErr, authorizationError, ...).</summary>
    public const int ErrorInPacket = 2;

    /// <summary>stdout was closed by its reader (128 + SIGPIPE, what net-snmp's tools die with).</summary>
    public const int OutputClosed = 141;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
