using System.Diagnostics.Metrics;
using Agents.Node.Metrics;

namespace Agents.Node.Tests;

public sealed class PrometheusExporterTests
{
    // A meter of its own per test, so that instruments of other tests in the process do not mix in.
    private readonly string _meterName = "Agents.NodeTests." + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public void Dotted_names_become_underscored()
    {
        Assert.Equal("agents_actors_messages_processed", PrometheusExporter.Sanitize("agents.actors.messages.processed"));
    }

    [Fact]
    public void A_counter_is_rendered_with_total_and_its_tags_as_labels()
    {
        using var exporter = new PrometheusExporter();
        using var meter = new Meter(_meterName);
        var counter = meter.CreateCounter<long>("agents.test.widgets.made", description: "Widgets made.");
        counter.Add(3, new KeyValuePair<string, object?>("widget.kind", "round"));
        counter.Add(4, new KeyValuePair<string, object?>("widget.kind", "round"));

        var lines = exporter.Render().Split('\n');

        Assert.Contains("# TYPE agents_test_widgets_made_total counter", lines);
        Assert.Contains("agents_test_widgets_made_total{widget_kind=\"round\"} 7", lines);
    }

    [Fact]
    public void A_histogram_is_rendered_with_cumulative_buckets_sum_and_count()
    {
        using var exporter = new PrometheusExporter();
        using var meter = new Meter(_meterName);
        var histogram = meter.CreateHistogram<int>("agents.test.sizes");
        histogram.Record(1);
        histogram.Record(3);
        histogram.Record(20000);

        var lines = exporter.Render().Split('\n');

        Assert.Contains("agents_test_sizes_bucket{le=\"1\"} 1", lines);
        Assert.Contains("agents_test_sizes_bucket{le=\"5\"} 2", lines);
        Assert.Contains("agents_test_sizes_bucket{le=\"10000\"} 2", lines);
        Assert.Contains("agents_test_sizes_bucket{le=\"+Inf\"} 3", lines);
        Assert.Contains("agents_test_sizes_sum 20004", lines);
        Assert.Contains("agents_test_sizes_count 3", lines);
    }

    [Fact]
    public void Meters_outside_Agents_are_not_exported()
    {
        using var exporter = new PrometheusExporter();
        using var meter = new Meter("Other." + _meterName);
        meter.CreateCounter<long>("other.things").Add(1);

        Assert.DoesNotContain("other_things", exporter.Render(), StringComparison.Ordinal);
    }
}
