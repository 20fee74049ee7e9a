using System.Text;

namespace SonLa.Monitor.Testing.Http;

/// <summary>One request as <see cref="HttpReceiver"/> got it: method, path (with query), headers, the exact body bytes.</summary>
public sealed class RecordedRequest
{
    public required string Method { get; init; }

    /// <summary>The request target as sent, e.g. <c>/bot123:abc/sendMessage</c> or <c>/hook?x=1</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Header names are case-insensitive; repeated headers are joined with ", ".</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required byte[] Body { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>1 for the first request the receiver got, 2 for the second...</summary>
    public required int Number { get; init; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
