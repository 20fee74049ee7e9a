namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>A check's verdict; the numbers are the <c>selfcheck</c> point's <c>status</c> field and the exit code.</summary>
public enum CheckStatus
{
    Ok = 0,
    Warn = 1,
    Fail = 2,
}
