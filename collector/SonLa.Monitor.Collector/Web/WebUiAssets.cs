using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileProviders;

namespace SonLa.Monitor.Collector.Web;

/// <summary>
/// The web UI's files, read once from the resources embedded in the collector (so the UI works whatever the current
/// directory) and kept in memory: they are a few tens of kilobytes. Every asset is served under
/// <c>/ui/{Version}/</c>, where the version is a hash of all of them: browsers may keep an asset for a year, and a new
/// build of the UI changes every URL at once (the ES modules import each other by relative URL, so they follow).
/// </summary>
public sealed class WebUiAssets
{
    public const string RootFolder = "Web/wwwroot";
    public const string IndexFile = "index.html";

    /// <summary>Replaced in index.html by the version, so the page asks for this build's assets.</summary>
    public const string VersionPlaceholder = "%UI_VERSION%";

    private readonly Dictionary<string, WebUiAsset> _assets;

    public WebUiAssets()
        : this(new ManifestEmbeddedFileProvider(typeof(WebUiAssets).Assembly, RootFolder))
    {
    }

    public WebUiAssets(IFileProvider files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var contents = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        Collect(files, "/", contents);
        if (!contents.ContainsKey(IndexFile))
        {
            throw new InvalidOperationException($"the web UI has no {IndexFile} among its embedded files");
        }

        Version = HashOf(contents);
        _assets = new Dictionary<string, WebUiAsset>(StringComparer.Ordinal);
        foreach (var (path, bytes) in contents)
        {
            var body = path == IndexFile
                ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(VersionPlaceholder, Version, StringComparison.Ordinal))
                : bytes;
            _assets[path] = new WebUiAsset(path, body, ContentTypeOf(path));
        }
    }

    /// <summary>Hex prefix of the SHA-256 over every file's path and content.</summary>
    public string Version { get; }

    public WebUiAsset Index => _assets[IndexFile];

    public IEnumerable<WebUiAsset> All => _assets.Values;

    /// <summary>The asset at a path relative to the UI's root ("views/site.js"), or null.</summary>
    public WebUiAsset? Find(string path) => _assets.GetValueOrDefault(path);

    internal static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".json" => "application/json; charset=utf-8",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };

    private static void Collect(IFileProvider files, string folder, SortedDictionary<string, byte[]> into)
    {
        foreach (var entry in files.GetDirectoryContents(folder))
        {
            var path = folder == "/" ? "/" + entry.Name : folder + "/" + entry.Name;
            if (entry.IsDirectory)
            {
                Collect(files, path, into);
                continue;
            }

            using var stream = entry.CreateReadStream();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            into[path[1..]] = buffer.ToArray();
        }
    }

    private static string HashOf(SortedDictionary<string, byte[]> contents)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, bytes) in contents)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path));
            hash.AppendData([0]);
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
