using Agents.Benchmarks;

// ./build.sh bench [SUITE...] [--quick] [--output DIR]
var quick = false;
var output = Path.Combine(Environment.CurrentDirectory, "artifacts", "bench");
var requested = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick": quick = true; break;
        case "--output" when i + 1 < args.Length: output = args[++i]; break;
        default: requested.Add(args[i]); break;
    }
}

IBenchmarkSuite[] suites =
[
    new Agents.Benchmarks.Hocon.HoconSuite(),
    new Agents.Benchmarks.Actors.ActorsSuite(),
    new Agents.Benchmarks.Persistence.PersistenceSuite(),
    new Agents.Benchmarks.Optimization.OptimizerSuite(),
];

var unknown = requested.Where(r => suites.All(s => s.Name != r)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown suite(s): {string.Join(", ", unknown)}; known: {string.Join(", ", suites.Select(s => s.Name))}");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
var report = new BenchmarkReport(Console.Out, output);
var options = new BenchmarkOptions(quick);
foreach (var suite in suites.Where(s => requested.Count == 0 || requested.Contains(s.Name)))
{
    var path = report.BeginSuite(suite.Name);
    await foreach (var result in suite.RunAsync(options, cancellation.Token))
    {
        report.Add(path, result);
    }
    Console.WriteLine($"  results: {path}");
}
return 0;
