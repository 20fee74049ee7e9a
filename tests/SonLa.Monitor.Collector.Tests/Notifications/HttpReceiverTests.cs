using System.Net.Http.Json;
using SonLa.Monitor.Testing.Http;

namespace SonLa.Monitor.Collector.Tests.Notifications;

/// <summary>The test HTTP receiver itself (other tests and the end-to-end suite rely on it).</summary>
public sealed class HttpReceiverTests
{
    [Fact]
    public async Task RecordsBodies_ContentLengthAndChunked_OnOneKeptAliveConnection()
    {
        await using var receiver = HttpReceiver.Start();
        using var http = new HttpClient();

        using var first = await http.PostAsync(receiver.Url("/a?x=1"), new StringContent("{\"n\":\"Chiềng Cơi\"}"));
        // JsonContent streams its body: chunked transfer encoding.
        using var second = await http.PostAsync(receiver.Url("/b"), JsonContent.Create(new { n = "Mường Bú" }));

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)second.StatusCode);
        var requests = receiver.Requests;
        Assert.Equal(["/a?x=1", "/b"], requests.Select(r => r.Path));
        Assert.Equal("{\"n\":\"Chiềng Cơi\"}", requests[0].BodyText);
        Assert.Contains("M\\u01B0\\u1EDDng B\\u00FA", requests[1].BodyText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FailFirst_ThenTheNormalAnswer()
    {
        await using var receiver = HttpReceiver.Start();
        receiver.FailFirst(2);
        receiver.Respond(r => new ReceiverResponse(202, "{\"seen\":" + r.Number + "}"));
        using var http = new HttpClient();

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.PostAsync(receiver.Url("/"), new StringContent("x"));
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([503, 503, 202], statuses);
        Assert.Equal(3, receiver.Count);
    }
}
