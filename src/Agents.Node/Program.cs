using Agents.Node.Hosting;

return await NodeApplication.RunAsync(args).ConfigureAwait(false);
