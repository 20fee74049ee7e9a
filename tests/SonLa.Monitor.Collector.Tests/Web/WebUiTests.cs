using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Tests.Auth;
using SonLa.Monitor.Collector.Web;

namespace SonLa.Monitor.Collector.Tests.Web;

/// <summary>The web UI as the collector serves it: pages, versioned assets, caching, compression.</summary>
public sealed partial class WebUiTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/alerts")]
    [InlineData("/sites/chieng-coi")]
    public async Task Pages_AreTheIndexWithoutLogin_NeverCached_WithASecurityPolicy(string path)
    {
        await using var host = await ApiHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Address };

        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.True(response.Headers.CacheControl?.NoCache, response.Headers.CacheControl?.ToString());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Giám sát mạng Sơn La</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(WebUiAssets.VersionPlaceholder, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assets_UnderTheVersion_CachedForAYear_OtherVersionNotCached_UnknownIs404()
    {
        await using var host = await ApiHost.StartAsync();
        var version = host.Services.GetRequiredService<WebUiAssets>().Version;
        using var http = new HttpClient { BaseAddress = host.Address };
        var html = await http.GetStringAsync("/");
        var referenced = AssetUrl().Matches(html).Select(m => m.Value).Distinct().ToList();
        Assert.Contains($"/ui/{version}/app.js", referenced);
        Assert.Contains($"/ui/{version}/app.css", referenced);

        foreach (var url in referenced)
        {
            using var asset = await http.GetAsync(url);
            Assert.True(asset.StatusCode == HttpStatusCode.OK, url);
            Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl?.MaxAge);
            Assert.Contains("immutable", asset.Headers.CacheControl!.Extensions.Select(e => e.Name));
        }

        using var module = await http.GetAsync($"/ui/{version}/views/overview.js");
        Assert.Equal("text/javascript", module.Content.Headers.ContentType?.MediaType);
        using var old = await http.GetAsync("/ui/0123456789ab/app.js");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.True(old.Headers.CacheControl?.NoCache);
        using var missing = await http.GetAsync($"/ui/{version}/nothing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var index = await http.GetAsync($"/ui/{version}/index.html");
        Assert.Equal(HttpStatusCode.NotFound, index.StatusCode);
    }

    [Fact]
    public void EveryModule_ImportsOnlyModulesThatExist()
    {
        var assets = new WebUiAssets();
        var checkedImports = 0;
        foreach (var asset in assets.All.Where(a => a.Path.EndsWith(".js", StringComparison.Ordinal)))
        {
            var text = Encoding.UTF8.GetString(asset.Content);
            var folder = asset.Path.Contains('/', StringComparison.Ordinal) ? asset.Path[..asset.Path.LastIndexOf('/')] : "";
            foreach (Match import in ImportPath().Matches(text))
            {
                var target = Path.GetFullPath(Path.Combine("/", folder, import.Groups["path"].Value)).TrimStart('/');
                Assert.True(assets.Find(target) is not null, $"{asset.Path} imports {import.Groups["path"].Value}: no such asset");
                checkedImports++;
            }
        }

        Assert.True(checkedImports > 20, $"only {checkedImports} imports found: is the pattern still right?");
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task ScriptsAndPages_AreCompressed(string encoding)
    {
        await using var host = await ApiHost.StartAsync();
        var version = host.Services.GetRequiredService<WebUiAssets>().Version;
        using var http = new HttpClient { BaseAddress = host.Address };

        foreach (var path in new[] { "/", $"/ui/{version}/app.js", $"/ui/{version}/app.css", $"/ui/{version}/i18n.js" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await http.SendAsync(request);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            var compressed = await response.Content.ReadAsByteArrayAsync();
            var plain = Decompress(compressed, encoding);
            Assert.True(compressed.Length < plain.Length, $"{path}: {compressed.Length} ≥ {plain.Length}");
        }
    }

    [Fact]
    public async Task LoginAnswer_CarryingTheCsrfToken_IsNotCompressed()
    {
        await using var host = await ApiHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/login")
        {
            Content = new StringContent($$"""{"user":"admin","password":"{{ApiHost.AdminPassword}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("csrf_token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void FirstLoad_IsFarBelowTheBudget()
    {
        // Issue 6: first load at most 300 KB compressed. Everything the UI has, uncompressed, stays well under it.
        var total = new WebUiAssets().All.Sum(a => a.Content.Length);
        Assert.True(total < 150 * 1024, $"the web UI is {total} bytes");
    }

    private static byte[] Decompress(byte[] data, string encoding)
    {
        using var input = new MemoryStream(data);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex("/ui/[0-9a-f]{12}/[A-Za-z0-9_./-]+")]
    private static partial Regex AssetUrl();

    [GeneratedRegex("(?:import\\(|from\\s+)\"(?<path>\\.{1,2}/[^\"]+)\"")]
    private static partial Regex ImportPath();
}
