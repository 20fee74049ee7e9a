namespace SonLa.Monitor.Testing.Snmpd;

public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError);
