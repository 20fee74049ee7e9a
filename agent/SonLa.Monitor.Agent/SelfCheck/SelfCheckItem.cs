namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>One check to run: its id and the work, which must honour the token (the runner cancels it at the timeout).</summary>
public sealed record SelfCheckItem(string Id, Func<CancellationToken, Task<CheckOutcome>> RunAsync);
