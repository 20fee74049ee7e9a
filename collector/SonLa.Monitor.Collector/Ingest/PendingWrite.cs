using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>One agent batch admitted to the write stage; <see cref="Completion"/> says what became of it.</summary>
public sealed class PendingWrite
{
    private readonly TaskCompletionSource<WriteResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal PendingWrite(LineBatch lines) => Lines = lines;

    public LineBatch Lines { get; }

    public Task<WriteResult> Completion => _completion.Task;

    internal void Complete(WriteResult result) => _completion.TrySetResult(result);
}
