using System.Text.Json;
using Agents.Platform.Workflows.Predicates;
using Agents.Platform.Workflows;

namespace Agents.Platform.Tests.Workflows;

public sealed class PredicateEvaluationTests
{
    private const string Payload = """
        {
          "accuracy": 0.93,
          "epochs": 12,
          "model": "resnet-50",
          "approved": true,
          "rejected": false,
          "note": null,
          "metrics": { "val_loss": 0.21, "team.name": "vision" },
          "items": [ { "name": "first" }, { "name": "second" } ],
          "tags": ["prod", "gpu", 3],
          "in": "keyword-named"
        }
        """;

    private static readonly JsonElement Document = JsonDocument.Parse(Payload).RootElement.Clone();

    private static bool Holds(string predicate, string topic = "training.complete", string publisher = "trainer-1") =>
        WorkflowPredicate.Parse(predicate).Evaluate(Document, topic, publisher);

    [Theory]
    [InlineData("accuracy > 0.9")]
    [InlineData("accuracy >= 0.93")]
    [InlineData("accuracy < 1")]
    [InlineData("accuracy <= 0.93")]
    [InlineData("epochs == 12")]
    [InlineData("epochs = 12")]
    [InlineData("epochs != 13")]
    [InlineData("epochs <> 13")]
    [InlineData("epochs > -1")]
    [InlineData("epochs == 1.2e1")]
    public void Numbers_compare_by_value(string predicate) => Assert.True(Holds(predicate));

    [Theory]
    [InlineData("accuracy > 0.95")]
    [InlineData("epochs < 12")]
    [InlineData("epochs == 12.5")]
    public void Number_comparisons_that_do_not_hold_are_false(string predicate) => Assert.False(Holds(predicate));

    [Theory]
    [InlineData("model == 'resnet-50'")]
    [InlineData("model == \"resnet-50\"")]
    [InlineData("model > 'resnet-10'")]
    [InlineData("model != 'vgg'")]
    public void Strings_compare_ordinally(string predicate) => Assert.True(Holds(predicate));

    [Fact]
    public void Nested_fields_are_reached_with_dots() => Assert.True(Holds("metrics.val_loss < 0.5"));

    [Fact]
    public void Array_elements_are_reached_with_indices() => Assert.True(Holds("items[1].name == 'second'"));

    [Fact]
    public void Quoted_names_reach_fields_with_dots_in_their_name() => Assert.True(Holds("metrics[\"team.name\"] == 'vision'"));

    [Fact]
    public void A_field_named_like_a_keyword_is_written_in_brackets() => Assert.True(Holds("[\"in\"] == 'keyword-named'"));

    [Theory]
    [InlineData("missing > 0")]
    [InlineData("missing == null")]
    [InlineData("missing != 1")]
    [InlineData("missing in [1, 2]")]
    [InlineData("missing not in [1, 2]")]
    [InlineData("missing contains 'x'")]
    [InlineData("metrics.missing.deeper == 1")]
    [InlineData("items[5].name == 'first'")]
    [InlineData("accuracy.inner == 1")]
    public void Comparisons_with_a_missing_field_are_false(string predicate) => Assert.False(Holds(predicate));

    [Fact]
    public void Not_of_a_comparison_with_a_missing_field_holds() => Assert.True(Holds("not (missing == 1)"));

    [Theory]
    [InlineData("model > 1")]
    [InlineData("model < 1")]
    [InlineData("approved > false")]
    [InlineData("epochs == '12'")]
    [InlineData("note > 0")]
    public void Type_mismatches_are_false(string predicate) => Assert.False(Holds(predicate));

    [Fact]
    public void Values_of_different_kinds_are_not_equal() => Assert.True(Holds("epochs != '12'"));

    [Theory]
    [InlineData("note == null")]
    [InlineData("approved == true")]
    [InlineData("rejected == false")]
    [InlineData("approved")]
    [InlineData("!rejected")]
    [InlineData("true")]
    public void Null_and_booleans_compare_as_json(string predicate) => Assert.True(Holds(predicate));

    [Fact]
    public void A_field_alone_holds_only_when_it_is_true() => Assert.False(Holds("epochs"));

    [Theory]
    [InlineData("model in ['vgg', 'resnet-50']")]
    [InlineData("epochs in [10, 11, 12]")]
    [InlineData("epochs not in [1, 2]")]
    [InlineData("epochs IN [12]")]
    [InlineData("epochs in [accuracy, 12]")]
    public void In_matches_any_item_of_the_list(string predicate) => Assert.True(Holds(predicate));

    [Theory]
    [InlineData("model in []")]
    [InlineData("model in ['vgg']")]
    [InlineData("model not in ['resnet-50']")]
    public void In_that_matches_no_item_is_false(string predicate) => Assert.False(Holds(predicate));

    [Theory]
    [InlineData("model contains 'net'")]
    [InlineData("tags contains 'gpu'")]
    [InlineData("tags contains 3")]
    public void Contains_finds_substrings_and_array_elements(string predicate) => Assert.True(Holds(predicate));

    [Theory]
    [InlineData("model contains 'NET'")]
    [InlineData("tags contains 'cpu'")]
    [InlineData("epochs contains 1")]
    [InlineData("metrics contains 'val_loss'")]
    public void Contains_is_false_for_anything_else(string predicate) => Assert.False(Holds(predicate));

    [Theory]
    [InlineData("exists(accuracy)")]
    [InlineData("exists(note)")]
    [InlineData("exists(items[0].name)")]
    [InlineData("not exists(missing)")]
    public void Exists_tells_whether_a_path_finds_a_value(string predicate) => Assert.True(Holds(predicate));

    [Theory]
    [InlineData("accuracy > 0.9 and epochs > 10")]
    [InlineData("accuracy > 0.99 or epochs > 10")]
    [InlineData("accuracy > 0.9 && (epochs > 100 || model == 'resnet-50')")]
    [InlineData("not accuracy > 0.99")]
    [InlineData("NOT (accuracy > 0.99) AND approved")]
    [InlineData("!(accuracy > 0.99 or rejected)")]
    public void Conditions_combine_with_and_or_not(string predicate) => Assert.True(Holds(predicate));

    [Fact]
    public void And_binds_tighter_than_or() => Assert.True(Holds("epochs > 100 and rejected or approved"));

    [Fact]
    public void Parentheses_override_precedence() => Assert.False(Holds("epochs > 100 and (rejected or approved)"));

    [Theory]
    [InlineData("$topic == 'training.complete'")]
    [InlineData("$publisher == 'trainer-1'")]
    [InlineData("$topic contains 'training'")]
    public void Event_fields_are_seen_beside_the_payload(string predicate) => Assert.True(Holds(predicate));

    [Fact]
    public void Strings_unescape_quotes()
    {
        var document = JsonDocument.Parse("""{ "name": "it's \"x\"" }""").RootElement;
        Assert.True(WorkflowPredicate.Parse("name == 'it\\'s \"x\"'").Evaluate(document));
    }

    [Fact]
    public void Objects_and_arrays_compare_deeply()
    {
        var document = JsonDocument.Parse("""{ "a": [1, { "b": 2 }], "c": [1, { "b": 2 }], "d": [1] }""").RootElement;
        Assert.True(WorkflowPredicate.Parse("a == c and a != d").Evaluate(document));
    }

    [Fact]
    public void A_payload_that_is_not_an_object_has_no_fields() =>
        Assert.False(WorkflowPredicate.Parse("accuracy > 0").Evaluate(JsonDocument.Parse("[1, 2]").RootElement));

    [Fact]
    public void A_payload_that_is_an_array_is_indexed_from_the_root() =>
        Assert.True(WorkflowPredicate.Parse("[1] == 2").Evaluate(JsonDocument.Parse("[1, 2]").RootElement));

    [Fact]
    public void The_predicate_keeps_its_text() => Assert.Equal("accuracy > 0.9", WorkflowPredicate.Parse("accuracy > 0.9").ToString());
}
