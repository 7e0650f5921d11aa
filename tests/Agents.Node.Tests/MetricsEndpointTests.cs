using System.Net;
using System.Text.RegularExpressions;
using Agents.Actors;

namespace Agents.Node.Tests;

public sealed partial class MetricsEndpointTests(RunningNodeFixture fixture) : IClassFixture<RunningNodeFixture>
{
    private async Task<string[]> ScrapeAsync()
    {
        var response = await fixture.Node.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Every_line_is_a_comment_or_a_sample_in_the_text_format()
    {
        var lines = await ScrapeAsync();

        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.True(
            line.StartsWith("# HELP ", StringComparison.Ordinal) || TypeLine().IsMatch(line) || SampleLine().IsMatch(line),
            $"not a valid exposition line: {line}"));
    }

    [Fact]
    public async Task Counters_are_named_with_total_and_typed_counter()
    {
        var lines = await ScrapeAsync();

        Assert.Contains("# TYPE agents_actors_messages_processed_total counter", lines);
        Assert.Contains(lines, line => line.StartsWith($"agents_actors_messages_processed_total{{actor_system=\"{fixture.SystemName}\"}} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Processed_messages_are_counted()
    {
        var system = fixture.Node.Runtime.System;
        var before = Processed(await ScrapeAsync());
        var counter = system.ActorOf(CounterActor.Props("metrics-counter"));
        await counter.Ask<int>(new CounterActor.GetTotal(), TimeSpan.FromSeconds(30));

        // A mailbox adds its processed messages to the counter when its run ends, which can be just after the
        // reply reached the asker: scrape until the count moves (the deadline only stops a hang).
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Processed(await ScrapeAsync()) <= before)
        {
            await Task.Delay(10, deadline.Token);
        }
        system.Stop(counter);
    }

    [Fact]
    public async Task Histograms_have_cumulative_buckets_a_sum_and_a_count()
    {
        var lines = await ScrapeAsync();

        Assert.Contains("# TYPE agents_actors_mailbox_depth histogram", lines);
        Assert.Contains(lines, line => line.StartsWith($"agents_actors_mailbox_depth_bucket{{actor_system=\"{fixture.SystemName}\",le=\"+Inf\"}} ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("agents_actors_mailbox_depth_count{", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("agents_actors_mailbox_depth_sum{", StringComparison.Ordinal));
    }

    private double Processed(string[] lines) => double.Parse(
        lines.Single(line => line.StartsWith($"agents_actors_messages_processed_total{{actor_system=\"{fixture.SystemName}\"}}", StringComparison.Ordinal)).Split(' ')[1],
        System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("^# TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})? (\\+Inf|-Inf|NaN|-?[0-9.eE+-]+)$")]
    private static partial Regex SampleLine();
}
