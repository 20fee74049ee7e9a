using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Configuration;

namespace SonLa.Monitor.Collector.Tests.Configuration;

/// <summary>The validators through the real app's DI (CollectorApp.Build + ConfigurationProblems), no start.</summary>
public class ConfigurationValidationTests
{
    private static IReadOnlyList<string> Problems(params string[] args)
    {
        var app = CollectorApp.Build(args);
        try
        {
            return CollectorApp.ConfigurationProblems(app.Services);
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }

    private static readonly string[] Good =
    [
        "--Influx:Url=http://127.0.0.1:8086",
        "--Agents:0:SiteId=chieng-coi",
        "--Agents:0:Token=0123456789abcdef-1",
    ];

    [Fact]
    public void GoodMinimalConfig_HasNoProblems()
    {
        Assert.Empty(Problems(Good));
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce_WithItsKey()
    {
        var problems = Problems(
            "--Influx:Url=notaurl",
            "--Influx:Version=5",
            "--Agents:0:SiteId=chieng-coi",
            "--Agents:0:Token=",
            "--Agents:1:SiteId=chieng-coi",
            "--Agents:1:Token=short",
            "--Agents:2:SiteId=bad site",
            "--Agents:2:Token=0123456789abcdef-2",
            "--Agents:3:SiteId=muong-bu",
            "--Agents:3:Token=0123456789abcdef-2",
            "--Sites:0:Id=chieng-coi",
            "--Sites:0:Name=",
            "--Sites:1:Id=chieng-coi",
            "--Sites:1:Name=Xã Chiềng Cơi");

        Assert.Equal(
        [
            "Influx:Url: must be an absolute http(s) URL without credentials, e.g. http://127.0.0.1:8086",
            "Influx:Version: must be 1 or 2 (3 is written like 2)",
            "Sites:0:Name: must not be empty",
            "Sites:1:Id: 'chieng-coi' is already used by Sites:0",
            "Agents:0:Token: must not be empty",
            "Agents:1:SiteId: 'chieng-coi' is already used by Agents:0",
            "Agents:1:Token: must be at least 16 characters",
            "Agents:2:SiteId: must be 1-64 characters of a-z, A-Z, 0-9, '.', '_', '-' (it becomes the InfluxDB tag 'site')",
            "Agents:3:SiteId: 'muong-bu' is not one of the Sites",
            "Agents:3:Token: is the same as Agents:2:Token (every agent needs its own)",
        ], problems);
    }

    [Fact]
    public void Version2_NeedsOrgAndToken()
    {
        var problems = Problems([.. Good, "--Influx:Version=2"]);

        Assert.Equal(["Influx:Org: must not be empty with Version 2/3", "Influx:Token: must not be empty with Version 2/3"], problems);
        Assert.Empty(Problems([.. Good, "--Influx:Version=3", "--Influx:Org=sonla", "--Influx:Token=abc"]));
    }

    [Fact]
    public void TokenWithSurroundingWhitespace_IsReported()
    {
        Assert.Equal(["Agents:0:Token: must not start or end with whitespace"],
            Problems("--Influx:Url=http://127.0.0.1:8086", "--Agents:0:SiteId=a", "--Agents:0:Token=0123456789abcdef-1 "));
    }

    [Fact]
    public void UsernameWithoutPassword_IsReported()
    {
        Assert.Equal(["Influx:Password: Username and Password go together: set both or neither"],
            Problems([.. Good, "--Influx:Username=writer"]));
    }

    [Fact]
    public void UnconvertibleNumber_IsReportedWithItsKey()
    {
        var problem = Assert.Single(Problems([.. Good, "--Ingest:HeartbeatIntervalSeconds=often"]));

        Assert.Contains("'Ingest:HeartbeatIntervalSeconds'", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WriteMaxPoints", "0", "must be between 1 and 1000000")]
    [InlineData("WriteMaxBytes", "1024", "must be between 65536 and 268435456")]
    [InlineData("MaxWritesInFlight", "0", "must be between 1 and 64")]
    [InlineData("MaxWritesInFlight", "65", "must be between 1 and 64")]
    [InlineData("QueueMaxBytes", "100", "must be between 65536 and 1073741824")]
    [InlineData("MaxUnansweredBatchesPerAgent", "0", "must be between 1 and 100000")]
    public void WriteStageKeysOutOfRange_AreNamed(string key, string value, string reason)
    {
        var problem = Assert.Single(Problems([.. Good, $"--Ingest:{key}={value}"]));

        Assert.Equal($"Ingest:{key}: {reason}", problem);
    }

    [Fact]
    public void WriteStageKeys_InRange_AreAccepted() =>
        Assert.Empty(Problems([.. Good, "--Ingest:WriteMaxPoints=20000", "--Ingest:WriteMaxBytes=8388608", "--Ingest:MaxWritesInFlight=4",
            "--Ingest:QueueMaxBytes=134217728", "--Ingest:MaxUnansweredBatchesPerAgent=64"]));

    [Theory]
    [InlineData("--urls=http://0.0.0.0:5000", "urls")]
    [InlineData("--urls=http://*:5000", "urls")]
    [InlineData("--urls=http://+:5000", "urls")]
    [InlineData("--urls=http://192.168.1.10:5000", "urls")]
    [InlineData("--urls=http://[::]:5000", "urls")]
    [InlineData("--Kestrel:Endpoints:Grpc:Url=http://noc.example:5000", "Kestrel:Endpoints:Grpc:Url")]
    [InlineData("--http_ports=8080", "http_ports")]
    public void PlainHttpOffLoopback_IsRefused(string arg, string key)
    {
        var problem = Assert.Single(Problems([.. Good, arg]));

        Assert.StartsWith(key + ": plain http on ", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--urls=http://127.0.0.1:5000")]
    [InlineData("--urls=http://127.0.0.2:5000")]
    [InlineData("--urls=http://[::1]:5000")]
    [InlineData("--urls=http://localhost:5000")]
    [InlineData("--urls=https://0.0.0.0:5443;http://127.0.0.1:5000")]
    [InlineData("--Kestrel:Endpoints:Grpc:Url=https://noc.example:5443")]
    public void HttpsAnywhereOrHttpOnLoopback_IsAllowed(string arg)
    {
        Assert.Empty(Problems([.. Good, arg]));
    }

    [Fact]
    public void CommentedSampleConfig_LoadsAndValidates()
    {
        using var dir = new SonLa.Monitor.Testing.TempDirectory("sonla-collector-sample");
        File.Copy(Path.Combine(SonLa.Monitor.Testing.Processes.BuiltProgram.RepositoryRoot, "collector", "appsettings.sample.json"),
            dir.File("appsettings.json"));

        var app = CollectorApp.Build(["--contentRoot=" + dir.Path]);
        try
        {
            Assert.Empty(CollectorApp.ConfigurationProblems(app.Services));
            var access = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccessOptions>>().Value;
            Assert.Equal("Xã Chiềng Cơi", Assert.Single(access.Sites).Name);
            Assert.Equal("chieng-coi", Assert.Single(access.Agents).SiteId);
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }

    [Fact]
    public void Secrets_BindButNeverPrint()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Token"] = "s3cr3t-token-value" })
            .Build();

        var agent = configuration.Get<AgentOptions>()!;

        Assert.Equal("s3cr3t-token-value", agent.Token!.Reveal());
        Assert.Equal("***", agent.Token.ToString());
        Assert.Equal("***", $"{agent.Token}");
    }
}
