using Agents.EmbeddedPostgres;

// Starts an embedded server on the data directory named by the first argument (a temporary server
// when the second is --temporary), prints "<port> <postmaster PID>" and serves until standard input
// closes. WatchdogTests kills this process with SIGKILL to prove that the server does not outlive it.
if (args.Length is < 1 or > 2 || (args.Length == 2 && args[1] != "--temporary"))
{
    await Console.Error.WriteLineAsync("usage: Agents.EmbeddedPostgres.Tests.ServerHost DATA_DIRECTORY [--temporary]");
    return 2;
}

var options = new PostgresLauncherOptions { DataDirectory = args[0], Temporary = args.Length == 2 };
await using var server = await new PostgresLauncher(options).StartAsync();
Console.WriteLine($"{server.Port} {server.ProcessId}");
await Console.In.ReadToEndAsync();
return 0;
