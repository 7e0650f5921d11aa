using System.Globalization;
using System.Text.Json;

namespace Agents.Benchmarks;

/// <summary>Prints results as a table for people and appends them as JSON lines for scripts.</summary>
public sealed class BenchmarkReport(TextWriter console, string outputDirectory)
{
    private static readonly JsonSerializerOptions LineOptions = new() { WriteIndented = false };

    /// <summary>Prints the table header for a suite and truncates its results file.</summary>
    public string BeginSuite(string suite)
    {
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, suite + ".jsonl");
        File.WriteAllText(path, string.Empty);
        console.WriteLine();
        console.WriteLine($"suite {suite}");
        console.WriteLine($"  {"name",-28} {"value",14} {"baseline",14} {"unit",-12} {"ratio",7}  target");
        return path;
    }

    /// <summary>Prints one row and appends one JSON object to the suite's results file.</summary>
    public void Add(string resultsPath, BenchmarkResult result)
    {
        var ratio = double.IsNaN(result.Ratio) ? "-" : result.Ratio.ToString("0.00", CultureInfo.InvariantCulture);
        var direction = result.HigherIsBetter ? "" : " (lower is better)";
        console.WriteLine(
            $"  {result.Name,-28} {Format(result.Value),14} {Format(result.Baseline),14} {result.Unit,-12} {ratio,7}  {result.Target}{direction}");
        var line = JsonSerializer.Serialize(new
        {
            name = result.Name,
            value = Math.Round(result.Value, 3),
            unit = result.Unit,
            baseline = Math.Round(result.Baseline, 3),
            ratio = double.IsNaN(result.Ratio) ? (double?)null : Math.Round(result.Ratio, 4),
        }, LineOptions);
        File.AppendAllText(resultsPath, line + "\n");
    }

    private static string Format(double value) =>
        Math.Abs(value) >= 1000
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);
}
