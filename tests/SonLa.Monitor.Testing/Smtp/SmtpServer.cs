using System.Net.Sockets;
using System.Text;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Testing.Smtp;

/// <summary>
/// A real SMTP server: Debian's aiosmtpd (package python3-aiosmtpd) on 127.0.0.1 and a free port, offering STARTTLS
/// with the given certificate (and requiring it before MAIL), storing every message in a Maildir. Killed by pid on
/// dispose.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private readonly ChildProcess _process;
    private readonly string _maildir;

    private SmtpServer(ChildProcess process, int port, string maildir)
    {
        _process = process;
        Port = port;
        _maildir = maildir;
    }

    public int Port { get; }

    public const string Host = "127.0.0.1";

    public string Log => _process.ReadLog();

    /// <summary>Starts aiosmtpd with STARTTLS (<paramref name="certificates"/>) and waits for its greeting.</summary>
    public static async Task<SmtpServer> StartAsync(string directory, TestCertificates certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var aiosmtpd = RequiredTool.Find("aiosmtpd", "python3-aiosmtpd");
        var maildir = Path.Combine(directory, "maildir");
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort.Tcp();
            var process = ChildProcess.Start(aiosmtpd,
                ["-n", "-l", $"127.0.0.1:{port}", "--tlscert", certificates.ServerCertificatePath, "--tlskey", certificates.ServerKeyPath,
                 "-c", "aiosmtpd.handlers.Mailbox", maildir],
                Path.Combine(directory, $"aiosmtpd-{port}.log"));
            var server = new SmtpServer(process, port, maildir);
            if (await server.WaitForGreetingAsync(TimeSpan.FromSeconds(30)))
            {
                return server;
            }

            var log = process.ReadLog();
            server.Dispose();
            // The port found free may have been taken meanwhile: try another, a few times.
            if (attempt >= 3 || !log.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"aiosmtpd did not start on 127.0.0.1:{port}. Its output: {log}");
            }
        }
    }

    /// <summary>The raw messages received so far (RFC 5322 bytes as stored), oldest first.</summary>
    public IReadOnlyList<byte[]> Messages()
    {
        var files = new[] { "new", "cur" }
            .Select(d => Path.Combine(_maildir, d))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetFiles)
            .Select(f => new FileInfo(f))
            .OrderBy(f => f.LastWriteTimeUtc)
            .ThenBy(f => f.Name, StringComparer.Ordinal);
        return files.Select(f => File.ReadAllBytes(f.FullName)).ToList();
    }

    public void Dispose() => _process.Dispose();

    private async Task<bool> WaitForGreetingAsync(TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(Host, Port);
                var buffer = new byte[256];
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var read = await client.GetStream().ReadAsync(buffer, timeout.Token);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("220", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
            {
            }

            await Task.Delay(100);
        }

        return false;
    }
}
