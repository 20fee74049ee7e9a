namespace SonLa.Monitor.Testing.Processes;

/// <summary>Waits for a condition with a generous deadline; a deadline, not a timing assertion.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        Exception? last = null;
        while (DateTime.UtcNow < until)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                last = ex;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Gave up waiting for {what} after {deadline.TotalSeconds:0}s." +
                                   (last is null ? "" : $" Last error: {last.Message}"));
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan deadline, string what) =>
        UntilAsync(() => Task.FromResult(condition()), deadline, what);
}
