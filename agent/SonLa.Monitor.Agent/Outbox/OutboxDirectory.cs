namespace SonLa.Monitor.Agent.Outbox;

/// <summary>Makes sure the outbox folder is usable before anything is queued, with a one-line reason when it is not.</summary>
public static class OutboxDirectory
{
    /// <summary>Creates the folder (its parent must exist: a mistyped path is not silently created) and proves it writable.</summary>
    /// <exception cref="OutboxDirectoryException">With the path and the reason, fit for one line.</exception>
    public static void Prepare(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        try
        {
            var full = Path.GetFullPath(directory);
            if (File.Exists(full))
            {
                throw new OutboxDirectoryException($"{full} is a file, not a folder");
            }

            if (!Directory.Exists(full))
            {
                var parent = Path.GetDirectoryName(full);
                if (parent is not null && !Directory.Exists(parent))
                {
                    throw new OutboxDirectoryException($"the parent folder {parent} does not exist");
                }

                Directory.CreateDirectory(full);
            }

            var probe = Path.Combine(full, ".write-test");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new OutboxDirectoryException($"cannot use {directory}: {ex.Message}", ex);
        }
    }
}
