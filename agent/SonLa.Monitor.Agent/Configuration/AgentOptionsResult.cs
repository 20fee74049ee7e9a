namespace SonLa.Monitor.Agent.Configuration;

/// <summary>Bound options plus every validation error (start-up fails) and warning (logged once).</summary>
public sealed record AgentOptionsResult(AgentOptions Options, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
