using System.Text.Json;
using Agents.Node.Story;

namespace Agents.Node.Tests.Story;

public sealed class StoryNarratorTests
{
    private readonly StoryNarrator _narrator = new();

    private string? Tell(string topic, string json)
    {
        using var document = JsonDocument.Parse(json);
        return _narrator.Tell(topic, document.RootElement.Clone());
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(37, false)]
    [InlineData(40, true)]
    public void A_run_is_told_at_its_first_epoch_and_every_tenth(int epoch, bool told) =>
        Assert.Equal(told, Tell("training.epoch_complete", $$"""{"runId":"r1","epoch":{{epoch}}}""") is not null);

    [Fact]
    public void An_epoch_without_a_number_is_told() =>
        Assert.NotNull(Tell("training.epoch_complete", """{"runId":"r1"}"""));

    [Fact]
    public void The_epochs_of_a_trial_run_are_not_told()
    {
        Tell("training.start", """{"optimizationId":"o","trial":1,"runId":"o-trial-1"}""");

        Assert.Null(Tell("training.epoch_complete", """{"runId":"o-trial-1","epoch":10}"""));
    }

    [Fact]
    public void The_completion_of_a_trial_run_is_left_to_the_trial_line()
    {
        Tell("training.start", """{"optimizationId":"o","trial":1,"runId":"o-trial-1"}""");

        Assert.Null(Tell("training.complete", """{"runId":"o-trial-1","status":"completed"}"""));
    }

    [Fact]
    public void A_completion_that_names_an_optimization_is_left_to_the_trial_line() =>
        Assert.Null(Tell("training.complete", """{"runId":"x","optimizationId":"o","trial":4}"""));

    [Fact]
    public void The_start_of_a_trial_is_told() =>
        Assert.Equal("optimization o: trial 1 started as o-trial-1",
            Tell("training.start", """{"optimizationId":"o","trial":1,"runId":"o-trial-1"}"""));

    [Fact]
    public void An_early_stop_of_a_trial_run_is_told()
    {
        Tell("training.start", """{"optimizationId":"o","trial":1,"runId":"o-trial-1"}""");

        Assert.NotNull(Tell("training.early_stop", """{"runId":"o-trial-1","epoch":12}"""));
    }

    [Fact]
    public void The_completion_of_a_run_outside_an_optimization_is_told() =>
        Assert.NotNull(Tell("training.complete", """{"runId":"r1","status":"completed"}"""));
}
