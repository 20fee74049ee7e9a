using Microsoft.Extensions.Options;

namespace SonLa.Monitor.Collector.Auth;

/// <summary>
/// Counts failed logins per user name and per client address and locks either out for a while once it has too many:
/// <see cref="LoginThrottleOptions.LockoutSeconds"/> at the limit, doubling with each further failure (failures after a
/// lockout ended, within the window) up to <see cref="LoginThrottleOptions.MaxLockoutSeconds"/>. In memory: a collector
/// restart forgets it, which costs an attacker a restart each time. At most <see cref="MaxTrackedKeys"/> names and
/// addresses are tracked, the stalest forgotten first, so a spray of made-up names cannot grow memory.
/// </summary>
public sealed class LoginThrottle
{
    public const int MaxTrackedKeys = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly LoginThrottleOptions _options;

    public LoginThrottle(IOptions<AuthOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Login;
        _time = time ?? TimeProvider.System;
    }

    public int TrackedKeys
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>How long logins for this name or from this address are still refused; null when they may try.</summary>
    public TimeSpan? LockedFor(string userName, string address)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            var remaining = TimeSpan.Zero;
            foreach (var key in (string[])[UserKey(userName), AddressKey(address)])
            {
                if (_entries.TryGetValue(key, out var entry) && entry.LockedUntil > now && entry.LockedUntil - now > remaining)
                {
                    remaining = entry.LockedUntil - now;
                }
            }

            return remaining > TimeSpan.Zero ? remaining : null;
        }
    }

    /// <summary>Counts a failure; says whether it started a lockout (of the name or the address) and for how long.</summary>
    public LoginFailure RecordFailure(string userName, string address)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            var (userKey, addressKey) = Keys(userName, address);
            var user = Count(userKey, _options.MaxFailuresPerUser, now);
            var byAddress = Count(addressKey, _options.MaxFailuresPerAddress, now);
            TimeSpan? lockout = user.Lockout is null ? byAddress.Lockout
                : byAddress.Lockout is null ? user.Lockout
                : TimeSpan.FromTicks(Math.Max(user.Lockout.Value.Ticks, byAddress.Lockout.Value.Ticks));
            return new LoginFailure(user.Failures, byAddress.Failures, lockout);
        }
    }

    /// <summary>A correct password forgets the name's failures (not the address's: one good account must not unlock guessing).</summary>
    public void RecordSuccess(string userName)
    {
        lock (_lock)
        {
            _entries.Remove(UserKey(userName));
        }
    }

    private (int Failures, TimeSpan? Lockout) Count(string key, int limit, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            MakeRoom(now);
            entry = new Entry();
            _entries[key] = entry;
        }
        else if (now - entry.LastFailure > TimeSpan.FromSeconds(_options.FailureWindowSeconds) && now >= entry.LockedUntil)
        {
            entry.Failures = 0;
        }

        entry.Failures++;
        entry.LastFailure = now;
        if (entry.Failures < limit)
        {
            return (entry.Failures, null);
        }

        // 1x at the limit, 2x, 4x... for each failure past it; the shift is capped so it cannot overflow.
        var factor = 1L << Math.Min(entry.Failures - limit, 20);
        var seconds = Math.Min(_options.LockoutSeconds * factor, _options.MaxLockoutSeconds);
        var lockout = TimeSpan.FromSeconds(seconds);
        entry.LockedUntil = now + lockout;
        return (entry.Failures, lockout);
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (_entries.Count < MaxTrackedKeys)
        {
            return;
        }

        var window = TimeSpan.FromSeconds(_options.FailureWindowSeconds);
        foreach (var (key, entry) in _entries)
        {
            if (now - entry.LastFailure > window && now >= entry.LockedUntil)
            {
                _entries.Remove(key);
            }
        }

        if (_entries.Count >= MaxTrackedKeys)
        {
            var stalest = _entries.MinBy(pair => pair.Value.LastFailure).Key;
            _entries.Remove(stalest);
        }
    }

    private static (string User, string Address) Keys(string userName, string address) => (UserKey(userName), AddressKey(address));

    private static string AddressKey(string address) => "a:" + address;

    private static string UserKey(string userName) => "u:" + userName.Trim().ToUpperInvariant();

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
