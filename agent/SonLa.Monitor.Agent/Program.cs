using System.Text;
using SonLa.Monitor.Agent.Cli;

// Vietnamese text must reach terminals and pipes intact, whatever the platform's default code page.
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
try
{
    Console.OutputEncoding = utf8;
}
catch (IOException)
{
    // No console attached (service, redirected): the writers below are UTF-8 anyway.
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C lets the command stop itself (exit 130); a second one is not held back.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// Buffered: a big walk is not written a syscall a line; commands flush while they wait on the network.
var stdout = new StreamWriter(StandardOutput.Open(), utf8, 1 << 16) { AutoFlush = false };
var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
var exitCode = await CliApp.RunAsync(args, stdout, stderr, cancellation.Token);
try
{
    await stdout.DisposeAsync();
}
#pragma warning disable CA1031 // stdout already closed by its reader (e.g. `| head`): never a stack trace.
catch (Exception)
#pragma warning restore CA1031
{
}

await stderr.DisposeAsync();
return exitCode;
