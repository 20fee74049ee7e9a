namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>The two languages of the report (<c>--lang vi|en</c>).</summary>
public static class SelfCheckLanguage
{
    public const string Vietnamese = "vi";

    public const string English = "en";
}
