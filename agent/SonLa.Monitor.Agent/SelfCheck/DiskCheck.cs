namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// <c>disk</c>: free space where the outbox lives. Less than the outbox quota (<c>Outbox:MaxMegabytes</c>) is WARN: an
/// outage could fill the disk before the quota stops it; less than <see cref="FailBytes"/> is FAIL.
/// </summary>
public static class DiskCheck
{
    public const string Id = "disk";

    public const long FailBytes = 64L * 1024 * 1024;

    public static Task<CheckOutcome> RunAsync(SelfCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = context.Options.Outbox.Directory;
        var existing = directory;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }

        long free;
        try
        {
            free = new DriveInfo(Path.GetFullPath(existing)).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(CheckOutcome.Fail(SelfCheckTexts.DiskUnreadable.Format(directory, ex.Message), SelfCheckTexts.DiskUnreadableHint));
        }

        var quota = context.Options.Outbox.MaxMegabytes * 1024L * 1024;
        var outcome = free < FailBytes ? CheckOutcome.Fail(SelfCheckTexts.DiskFull.Format(Sizes.Format(free), directory), SelfCheckTexts.DiskLowHint)
            : free < quota ? CheckOutcome.Warn(SelfCheckTexts.DiskLow.Format(Sizes.Format(free), directory, Sizes.Format(quota)), SelfCheckTexts.DiskLowHint)
            : CheckOutcome.Ok(SelfCheckTexts.DiskOk.Format(Sizes.Format(free), directory));
        return Task.FromResult(outcome);
    }
}
