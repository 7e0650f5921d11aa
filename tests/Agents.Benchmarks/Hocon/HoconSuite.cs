using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Agents.Hocon;

namespace Agents.Benchmarks.Hocon;

/// <summary>
/// Parsing (and resolving) a ~1 MB HOCON configuration with <see cref="Config.Parse"/>, against
/// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> on the same content
/// written as indented UTF-8 JSON. Each side's MB/s is computed on its own input's UTF-8 size. A
/// second, informational row hands JsonDocument the JSON as a string, as Config.Parse gets its input.
/// </summary>
public sealed class HoconSuite : IBenchmarkSuite
{
    /// <inheritdoc />
    public string Name => "hocon";

    /// <inheritdoc />
    public async IAsyncEnumerable<BenchmarkResult> RunAsync(
        BenchmarkOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        var hocon = HoconWorkload.Generate(1_000_000);
        var json = Config.Parse(hocon).ToJson(indented: true);
        var hoconBytes = Encoding.UTF8.GetByteCount(hocon);
        var jsonUtf8 = Encoding.UTF8.GetBytes(json);

        // Many short alternating rounds, best of each side: load from elsewhere on the machine only
        // ever slows a round down, and alternating exposes both sides to the same conditions.
        var round = options.Quick ? TimeSpan.FromMilliseconds(400) : TimeSpan.FromSeconds(1);
        var rounds = options.Quick ? 10 : 20;
        Measure(() => Config.Parse(hocon), round * 3, cancellationToken);
        Measure(() => JsonDocument.Parse(jsonUtf8).Dispose(), round * 3, cancellationToken);

        double ours = 0, baseline = 0, stringBaseline = 0;
        for (var r = 0; r < rounds && !cancellationToken.IsCancellationRequested; r++)
        {
            ours = Math.Max(ours, hoconBytes / Measure(() => Config.Parse(hocon), round, cancellationToken) / 1e6);
            baseline = Math.Max(baseline, jsonUtf8.Length / Measure(() => JsonDocument.Parse(jsonUtf8).Dispose(), round, cancellationToken) / 1e6);
            stringBaseline = Math.Max(stringBaseline, jsonUtf8.Length / Measure(() => JsonDocument.Parse(json).Dispose(), round, cancellationToken) / 1e6);
        }
        yield return new BenchmarkResult("hocon.parse", ours, "MB/s", baseline, true, "≥ 30 % of JsonDocument.Parse");
        // For information: the same JSON handed to JsonDocument as a .NET string, the form Config.Parse takes.
        yield return new BenchmarkResult("hocon.parse.vs-string-json", ours, "MB/s", stringBaseline, true, "JsonDocument.Parse(string), informational");
    }

    /// <summary>Runs <paramref name="action"/> repeatedly for about <paramref name="duration"/>; returns seconds per run.</summary>
    private static double Measure(Action action, TimeSpan duration, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        long runs = 0;
        while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            action();
            runs++;
        }
        return watch.Elapsed.TotalSeconds / Math.Max(1, runs);
    }
}
