using System.Runtime.InteropServices;
using Agents.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
// SIGTERM (docker stop, systemd, kill) ends a command the way Ctrl-C does: `topic tail` stops and exits with 0.
using var termination = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});
return await new AgentsConsole(Console.Out, Console.Error).RunAsync(args, cancellation.Token);
