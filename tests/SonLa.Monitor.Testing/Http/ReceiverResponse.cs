namespace SonLa.Monitor.Testing.Http;

/// <summary>What <see cref="HttpReceiver"/> answers a request with.</summary>
public sealed record ReceiverResponse(int Status, string Body = "", string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ReceiverResponse Ok(string body = "{}") => new(200, body);
}
