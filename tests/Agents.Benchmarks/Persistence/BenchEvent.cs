using System.Text.Json.Serialization;
using Agents.Persistence.Serialization;

namespace Agents.Benchmarks.Persistence;

/// <summary>The benchmark event: its JSON is 200 bytes, like the raw baselines' payload.</summary>
[Manifest("bench.measured")]
public sealed record BenchEvent(string Model, int Epoch, double Loss, double Accuracy, string Note)
{
    public static BenchEvent Create(int epoch) => new("resnet-50-imagenet", epoch, 0.0123456789, 0.987654321, new string('n', 104));
}

/// <summary>The benchmark snapshot: a few kilobytes of state.</summary>
[Manifest("bench.state")]
public sealed record BenchState(long Epochs, IReadOnlyList<double> History);

/// <summary>Source-generated JSON metadata, as a production deployment would register for its hot events.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BenchEvent))]
[JsonSerializable(typeof(BenchState))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
