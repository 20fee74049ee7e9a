namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>What one check found: its verdict, what it means and what to do (or whom to call).</summary>
public sealed record CheckOutcome(CheckStatus Status, LocalizedText Message, LocalizedText Hint)
{
    public static CheckOutcome Ok(LocalizedText message) => new(CheckStatus.Ok, message, LocalizedText.Empty);

    public static CheckOutcome Warn(LocalizedText message, LocalizedText hint) => new(CheckStatus.Warn, message, hint);

    public static CheckOutcome Fail(LocalizedText message, LocalizedText hint) => new(CheckStatus.Fail, message, hint);
}
