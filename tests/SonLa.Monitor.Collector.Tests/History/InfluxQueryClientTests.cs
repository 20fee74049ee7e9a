using System.Net;
using System.Text;
using System.Web;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.History;
using SonLa.Monitor.Collector.Tests.Auth;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Http;

namespace SonLa.Monitor.Collector.Tests.History;

/// <summary>
/// The InfluxQL client's HTTP requests and error handling. InfluxDB 2.x/3.x: there is no such server here, so these
/// tests check the request against the documented v1-compatibility contract (GET /query, db = the bucket mapped by
/// DBRP, Authorization: Token) with HttpReceiver standing in; the 1.x path is also tested against the real influxd.
/// </summary>
public class InfluxQueryClientTests
{
    private const string SeriesAnswer =
        """{"results":[{"statement_id":0,"series":[{"name":"device","tags":{"device":"router"},"columns":["time","response_ms"],"values":[[1795000000000,3.5],[1795000030000,null]]}]}]}""";

    [Fact]
    public async Task Version2_SendsTheBucketAsDb_AndTheTokenHeader_NothingSecretInTheUrl()
    {
        await using var influx = HttpReceiver.Start();
        influx.Respond(_ => ReceiverResponse.Ok(SeriesAnswer));
        using var http = new HttpClient();
        var client = new InfluxQueryClient(http, new InfluxOptions
        {
            Url = influx.BaseUrl + "/", Version = "2", Bucket = "sonla_bucket", Org = "sonla", Token = new Secret("tok-2x-secret"),
        });

        var series = await client.QueryAsync("SELECT mean(\"response_ms\") FROM \"device\" WHERE \"device\" = 'a''b'", CancellationToken.None);

        var request = Assert.Single(influx.Requests);
        Assert.Equal("GET", request.Method);
        var uri = new Uri("http://x" + request.Path);
        Assert.Equal("/query", uri.AbsolutePath);
        var query = HttpUtility.ParseQueryString(uri.Query);
        Assert.Equal("sonla_bucket", query["db"]);
        Assert.Equal("ms", query["epoch"]);
        Assert.Equal("SELECT mean(\"response_ms\") FROM \"device\" WHERE \"device\" = 'a''b'", query["q"]);
        Assert.Null(query["p"]);
        Assert.Equal("Token tok-2x-secret", request.Header("Authorization"));
        Assert.DoesNotContain("tok-2x-secret", request.Path, StringComparison.Ordinal);

        var one = Assert.Single(series);
        Assert.Equal("device", one.Name);
        Assert.Equal("router", one.Tag("device"));
        Assert.Equal(1, one.Column("response_ms"));
        Assert.Equal(2, one.Rows.Count);
    }

    [Fact]
    public async Task Version1_SendsBasicAuth_NeverThePasswordInTheUrl()
    {
        await using var influx = HttpReceiver.Start();
        influx.Respond(_ => ReceiverResponse.Ok("""{"results":[{"statement_id":0}]}"""));
        using var http = new HttpClient();
        var client = new InfluxQueryClient(http, new InfluxOptions
        {
            Url = influx.BaseUrl, Database = "sonla_monitor", Username = "monitor", Password = new Secret("pw-1x-secret"),
        });

        Assert.Empty(await client.QueryAsync("SELECT 1", CancellationToken.None));

        var request = Assert.Single(influx.Requests);
        Assert.Equal("sonla_monitor", HttpUtility.ParseQueryString(new Uri("http://x" + request.Path).Query)["db"]);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("monitor:pw-1x-secret")), request.Header("Authorization"));
        Assert.DoesNotContain("pw-1x-secret", request.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, """{"error":"authorization failed"}""", "InfluxDB refused the query (HTTP 401): authorization failed")]
    [InlineData(400, """{"error":"error parsing query: found EOF"}""", "InfluxDB refused the query (HTTP 400): error parsing query: found EOF")]
    [InlineData(200, """{"results":[{"statement_id":0,"error":"database not found: x"}]}""", "InfluxDB refused the query: database not found: x")]
    [InlineData(502, "<html>bad gateway</html>", "InfluxDB answered HTTP 502")]
    [InlineData(200, "not json", "InfluxDB answered something that is not JSON")]
    public async Task Errors_AreOneLineExceptions(int status, string body, string message)
    {
        await using var influx = HttpReceiver.Start();
        influx.Respond(_ => new ReceiverResponse(status, body));
        using var http = new HttpClient();
        var client = new InfluxQueryClient(http, new InfluxOptions { Url = influx.BaseUrl, Version = "2", Token = new Secret("tok-secret") });
        var error = await Assert.ThrowsAsync<InfluxQueryException>(() => client.QueryAsync("SELECT 1", CancellationToken.None));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task OversizedAnswer_IsRefused()
    {
        await using var influx = HttpReceiver.Start();
        influx.Respond(_ => ReceiverResponse.Ok("{\"results\":[{\"x\":\"" + new string('a', InfluxQueryClient.MaxAnswerBytes) + "\"}]}"));
        using var http = new HttpClient();
        var client = new InfluxQueryClient(http, new InfluxOptions { Url = influx.BaseUrl });
        var error = await Assert.ThrowsAsync<InfluxQueryException>(() => client.QueryAsync("SELECT 1", CancellationToken.None));
        Assert.Contains("more than 16 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InfluxDown_Is503WithOneLine_WithoutSecrets()
    {
        // ApiHost's InfluxDB URL is a free port where nothing listens.
        await using var host = await ApiHost.StartAsync(null, "--Influx:Username=monitor", "--Influx:Password=pw-never-shown");
        using var viewer = await host.UserAsync("noc", "viewer");
        foreach (var path in new[]
        {
            "/api/sites/chieng-coi/history?metric=latency&range=1h", "/api/sites/chieng-coi/charts/latency.svg?range=7d", "/api/events",
        })
        {
            var answer = await viewer.GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
            Assert.Equal("application/json", answer.MediaType);
            Assert.Equal("storage_unavailable", answer.Error);
            var message = answer.Json.GetProperty("message").GetString()!;
            Assert.StartsWith("InfluxDB cannot be reached", message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', message);
            Assert.DoesNotContain("pw-never-shown", answer.Body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("pw-never-shown", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Entries, e => e.Message.StartsWith("History query failed: InfluxDB cannot be reached", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Version2_ThroughTheApi_QueriesTheBucketWithTheToken()
    {
        await using var influx = HttpReceiver.Start();
        influx.Respond(r => r.Path.StartsWith("/query", StringComparison.Ordinal) ? ReceiverResponse.Ok(SeriesAnswer) : new ReceiverResponse(204));
        await using var host = await ApiHost.StartAsync(null,
            "--Influx:Url=" + influx.BaseUrl, "--Influx:Version=2", "--Influx:Org=sonla", "--Influx:Bucket=sonla_bucket", "--Influx:Token=tok-api-secret");
        using var viewer = await host.UserAsync("noc", "viewer");

        var answer = await viewer.GetAsync("/api/sites/chieng-coi/history?metric=latency&range=1h&device=router");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        var request = influx.Requests.Last(r => r.Path.StartsWith("/query", StringComparison.Ordinal));
        var query = HttpUtility.ParseQueryString(new Uri("http://x" + request.Path).Query);
        Assert.Equal("sonla_bucket", query["db"]);
        Assert.StartsWith("SELECT mean(\"response_ms\") AS \"response_ms\" FROM \"device\" WHERE \"site\" = 'chieng-coi' AND \"device\" = 'router'", query["q"], StringComparison.Ordinal);
        Assert.Equal("Token tok-api-secret", request.Header("Authorization"));
        Assert.DoesNotContain("tok-api-secret", answer.Body, StringComparison.Ordinal);

        // A hostile device and if_index arrive as one escaped literal each: the statement's structure is unchanged.
        const string device = "r' OR \"site\" =~ /.*/ OR 'x\\";
        const string ifIndex = "2'; DROP DATABASE sonla_monitor; --";
        var hostile = await viewer.GetAsync("/api/sites/chieng-coi/history?metric=traffic&range=1h&device="
            + Uri.EscapeDataString(device) + "&if_index=" + Uri.EscapeDataString(ifIndex));
        Assert.True(hostile.Status == HttpStatusCode.OK, hostile.ToString());
        var received = HttpUtility.ParseQueryString(new Uri("http://x" + influx.Requests.Last(r => r.Path.StartsWith("/query", StringComparison.Ordinal)).Path).Query)["q"]!;
        Assert.Contains(" AND \"device\" = 'r\\' OR \"site\" =~ /.*/ OR \\'x\\\\' AND \"if_index\" = '2\\'; DROP DATABASE sonla_monitor; --' AND time >= ", received, StringComparison.Ordinal);
        Assert.Equal(2, received.Count(c => c == ';'));
        Assert.Equal(1, received.Split("SELECT").Length - 1);
    }
}
