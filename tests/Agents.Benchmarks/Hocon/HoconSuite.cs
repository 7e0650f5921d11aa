using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Agents.Hocon;

namespace Agents.Benchmarks.Hocon;

/// <summary>
/// Parsing (and resolving) a ~1 MB HOCON configuration with <see cref="Config.Parse"/>, against
/// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> on the same content
/// written as indented UTF-8 JSON. Each side's MB/s is computed on its own input's UTF-8 size.
/// </summary>
/// <remarks>
/// Like JsonDocument, Config.Parse checks every value but keeps plain scalars (strings without
/// escapes, numbers, booleans, null) as positions in the text until they are read; objects, arrays,
/// keys, merges and substitutions are all done by the parse. So <c>hocon.parse</c> is what a user
/// pays to load a configuration, and <c>hocon.parse+read</c> is the whole cost of loading and then
/// reading every key and value, against JsonDocument doing the same (property names and strings
/// materialized, numbers converted). Informational rows: JsonDocument handed the JSON as a string, as
/// Config.Parse gets its input, and the bytes each side allocates per byte of its input.
/// </remarks>
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
        Action parse = () => Config.Parse(hocon);
        Action parseJson = () => JsonDocument.Parse(jsonUtf8).Dispose();
        Action parseAndRead = () => ReadAll(Config.Parse(hocon).Root);
        Action parseAndReadJson = () =>
        {
            using var document = JsonDocument.Parse(jsonUtf8);
            ReadAll(document.RootElement);
        };
        Measure(parse, round * 3, cancellationToken);
        Measure(parseJson, round * 3, cancellationToken);
        Measure(parseAndRead, round, cancellationToken);
        Measure(parseAndReadJson, round, cancellationToken);

        double ours = 0, baseline = 0, stringBaseline = 0, oursRead = 0, baselineRead = 0;
        for (var r = 0; r < rounds && !cancellationToken.IsCancellationRequested; r++)
        {
            ours = Math.Max(ours, hoconBytes / Measure(parse, round, cancellationToken) / 1e6);
            baseline = Math.Max(baseline, jsonUtf8.Length / Measure(parseJson, round, cancellationToken) / 1e6);
            stringBaseline = Math.Max(stringBaseline, jsonUtf8.Length / Measure(() => JsonDocument.Parse(json).Dispose(), round, cancellationToken) / 1e6);
            oursRead = Math.Max(oursRead, hoconBytes / Measure(parseAndRead, round / 2, cancellationToken) / 1e6);
            baselineRead = Math.Max(baselineRead, jsonUtf8.Length / Measure(parseAndReadJson, round / 2, cancellationToken) / 1e6);
        }
        yield return new BenchmarkResult("hocon.parse", ours, "MB/s", baseline, true, "≥ 30 % of JsonDocument.Parse; scalars kept as text until read");
        yield return new BenchmarkResult("hocon.parse+read", oursRead, "MB/s", baselineRead, true, "parse, then read every key and value; vs JsonDocument doing the same");
        // For information: the same JSON handed to JsonDocument as a .NET string, the form Config.Parse takes.
        yield return new BenchmarkResult("hocon.parse.vs-string-json", ours, "MB/s", stringBaseline, true, "JsonDocument.Parse(string), informational");
        // JsonDocument.Parse rents pooled buffers and allocates next to nothing, so this row has no baseline.
        yield return new BenchmarkResult("hocon.parse.allocated", AllocatedPerByte(parse, hoconBytes), "B/input B",
            0, false, "informational; JsonDocument.Parse: ~0 (pooled buffers)");
        yield return new BenchmarkResult("hocon.parse+read.allocated", AllocatedPerByte(parseAndRead, hoconBytes), "B/input B",
            AllocatedPerByte(parseAndReadJson, jsonUtf8.Length), false, "informational");
    }

    /// <summary>Bytes allocated on this thread by one run of <paramref name="action"/>, per byte of input.</summary>
    private static double AllocatedPerByte(Action action, int inputBytes)
    {
        const int runs = 5;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++)
        {
            action();
        }
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)runs / inputBytes;
    }

    /// <summary>Reads every key and value the way a user of the configuration would.</summary>
    private static long ReadAll(HoconValue value)
    {
        long sum = 0;
        switch (value)
        {
            case HoconObject obj:
                foreach (var (key, child) in obj)
                {
                    sum += key.Length + ReadAll(child);
                }
                break;
            case HoconArray array:
                foreach (var item in array)
                {
                    sum += ReadAll(item);
                }
                break;
            case HoconString text:
                sum += text.Value.Length;
                break;
            case HoconNumber number:
                sum += number.TryGetInt64(out var integer) ? integer : (long)number.ToDouble();
                break;
            case HoconBoolean boolean:
                sum += boolean.Value ? 1 : 0;
                break;
        }
        return sum;
    }

    /// <summary>Reads every property name and value of a JSON element, as <see cref="ReadAll(HoconValue)"/> does.</summary>
    private static long ReadAll(JsonElement element)
    {
        long sum = 0;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    sum += property.Name.Length + ReadAll(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    sum += ReadAll(item);
                }
                break;
            case JsonValueKind.String:
                sum += element.GetString()!.Length;
                break;
            case JsonValueKind.Number:
                sum += element.TryGetInt64(out var integer) ? integer : (long)element.GetDouble();
                break;
            case JsonValueKind.True:
                sum += 1;
                break;
        }
        return sum;
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
