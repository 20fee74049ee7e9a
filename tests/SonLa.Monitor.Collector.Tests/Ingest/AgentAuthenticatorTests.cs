using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Ingest;

namespace SonLa.Monitor.Collector.Tests.Ingest;

public class AgentAuthenticatorTests
{
    private static AgentAuthenticator Create()
    {
        var options = new AccessOptions();
        options.Agents.Add(new AgentOptions { SiteId = "chieng-coi", Token = new Secret("token-aaaaaaaaaaaaaaaa") });
        options.Agents.Add(new AgentOptions { SiteId = "muong-bu", Token = new Secret("token-bbbbbbbbbbbbbbbb") });
        return new AgentAuthenticator(Options.Create(options));
    }

    [Theory]
    [InlineData("token-aaaaaaaaaaaaaaaa", "chieng-coi")]
    [InlineData("token-bbbbbbbbbbbbbbbb", "muong-bu")]
    [InlineData("token-aaaaaaaaaaaaaaa", null)]
    [InlineData("token-aaaaaaaaaaaaaaaaa", null)]
    [InlineData("TOKEN-AAAAAAAAAAAAAAAA", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Token_MapsToItsSiteOnly(string? token, string? site)
    {
        Assert.Equal(site, Create().Authenticate(token));
    }

    [Theory]
    [InlineData("Bearer abc", "abc")]
    [InlineData("bearer  abc ", "abc")]
    [InlineData("Basic abc", null)]
    [InlineData("Bearer ", null)]
    [InlineData(null, null)]
    public void BearerToken_IsTakenFromTheHeader(string? header, string? token)
    {
        Assert.Equal(token, AgentAuthenticator.BearerToken(header));
    }
}
