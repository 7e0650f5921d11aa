using Agents.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await new AgentsConsole(Console.Out, Console.Error).RunAsync(args, cancellation.Token);
