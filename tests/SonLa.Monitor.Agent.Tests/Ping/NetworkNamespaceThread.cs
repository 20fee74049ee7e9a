using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace SonLa.Monitor.Agent.Tests.Ping;

/// <summary>
/// A thread of its own in a fresh network namespace (Linux, as root): loopback up and unprivileged ICMP sockets
/// allowed to every group there, so the datagram-socket path is tested without changing this machine's
/// net.ipv4.ping_group_range (which here allows no group). Sockets opened on the thread stay in that namespace
/// whichever thread uses them afterwards.
/// </summary>
public sealed class NetworkNamespaceThread : IDisposable
{
    private const int CloneNewNet = 0x40000000;
    private const int AfInet = 2;
    private const int SockDgram = 2;
    private const ulong SiocGifFlags = 0x8913;
    private const ulong SiocSifFlags = 0x8914;
    private const short IffUp = 0x1;

    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    private NetworkNamespaceThread()
    {
        _thread = new Thread(() =>
        {
            foreach (var action in _work.GetConsumingEnumerable())
            {
                action();
            }
        }) { IsBackground = true, Name = "netns" };
        _thread.Start();
    }

    public static NetworkNamespaceThread Start()
    {
        var thread = new NetworkNamespaceThread();
        try
        {
            thread.Invoke(() =>
            {
                if (Unshare(CloneNewNet) != 0)
                {
                    throw new InvalidOperationException($"unshare(CLONE_NEWNET) failed (errno {Marshal.GetLastPInvokeError()}): these tests need root (CAP_SYS_ADMIN)");
                }

                LoopbackUp();
                File.WriteAllText("/proc/sys/net/ipv4/ping_group_range", "0 2147483647");
                return 0;
            });
        }
        catch
        {
            thread.Dispose();
            throw;
        }

        return thread;
    }

    public T Invoke<T>(Func<T> func)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                done.SetResult(func());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        });
        return done.Task.GetAwaiter().GetResult();
    }

    public string ReadPingGroupRange() => Invoke(() => File.ReadAllText("/proc/sys/net/ipv4/ping_group_range").Trim());

    private static void LoopbackUp()
    {
        var fd = Socket(AfInet, SockDgram, 0);
        if (fd < 0)
        {
            throw new InvalidOperationException($"socket() failed (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            // struct ifreq: 16 bytes of name, then the union where ifr_flags (a short) sits first.
            var ifreq = new byte[40];
            "lo"u8.CopyTo(ifreq);
            if (Ioctl(fd, SiocGifFlags, ifreq) != 0)
            {
                throw new InvalidOperationException($"SIOCGIFFLAGS failed (errno {Marshal.GetLastPInvokeError()})");
            }

            var flags = (short)(BitConverter.ToInt16(ifreq, 16) | IffUp);
            BitConverter.GetBytes(flags).CopyTo(ifreq, 16);
            if (Ioctl(fd, SiocSifFlags, ifreq) != 0)
            {
                throw new InvalidOperationException($"SIOCSIFFLAGS failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(10));
        _work.Dispose();
    }

    [DllImport("libc", EntryPoint = "unshare", SetLastError = true)]
    private static extern int Unshare(int flags);

    [DllImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static extern int Socket(int domain, int type, int protocol);

    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static extern int Ioctl(int fd, ulong request, byte[] argument);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
