using System.Text.Json;
using Agents.Library.Optimization;

namespace Agents.Library.Tests.Optimization;

public sealed class SearchSpaceTests
{
    private static readonly SearchSpace s_space = SearchSpace.Parse(Json("""
        { "lr": { "kind": "log_uniform", "low": 0.0001, "high": 0.1 },
          "dropout": { "kind": "uniform", "low": 0, "high": 0.5 },
          "layers": { "kind": "int", "low": 1, "high": 3 },
          "optimizer": { "type": "choice", "values": ["adam", "sgd"] } }
        """));

    [Fact]
    public void Every_kind_is_read_in_order_and_a_choice_takes_one_coordinate_per_value()
    {
        Assert.Equal(["lr", "dropout", "layers", "optimizer"], s_space.Parameters.Select(p => p.Name));
        Assert.Equal(
            [SearchParameterKind.LogUniform, SearchParameterKind.Uniform, SearchParameterKind.Int, SearchParameterKind.Choice],
            s_space.Parameters.Select(p => p.Kind));
        Assert.Equal(5, s_space.Dimensions);
    }

    [Theory]
    [InlineData("""{ "a": { "low": 0, "high": 1 } }""", "a", "kind")]
    [InlineData("""{ "a": { "kind": "gaussian", "low": 0, "high": 1 } }""", "a", "kind")]
    [InlineData("""{ "a": { "kind": "uniform", "low": 1, "high": 1 } }""", "a", "high")]
    [InlineData("""{ "a": { "kind": "uniform", "low": 0 } }""", "a", "high")]
    [InlineData("""{ "a": { "kind": "uniform", "low": "zero", "high": 1 } }""", "a", "low")]
    [InlineData("""{ "a": { "kind": "log_uniform", "low": 0, "high": 1 } }""", "a", "low")]
    [InlineData("""{ "a": { "kind": "int", "low": 0.5, "high": 4 } }""", "a", "low")]
    [InlineData("""{ "a": { "kind": "choice", "values": [] } }""", "a", "values")]
    [InlineData("""{ "a": { "kind": "choice", "values": [1, 1] } }""", "a", "values")]
    [InlineData("""{ "a": 3 }""", "a", "")]
    [InlineData("""[]""", "", "")]
    public void An_invalid_space_is_refused_naming_the_parameter_and_field(string json, string parameter, string field)
    {
        var error = Assert.Throws<SearchSpaceException>(() => SearchSpace.Parse(Json(json)));

        Assert.Equal((parameter, field), (error.Parameter, error.Field));
    }

    [Fact]
    public void Encoding_and_decoding_give_back_the_parameters()
    {
        var parameters = Json("""{ "lr": 0.001, "dropout": 0.25, "layers": 2, "optimizer": "sgd" }""");

        var decoded = s_space.Decode(s_space.Encode(parameters));

        Assert.Equal(0.001, decoded.GetProperty("lr").GetDouble(), 12);
        Assert.Equal(0.25, decoded.GetProperty("dropout").GetDouble(), 12);
        Assert.Equal(2, decoded.GetProperty("layers").GetInt32());
        Assert.Equal("sgd", decoded.GetProperty("optimizer").GetString());
    }

    [Fact]
    public void Log_uniform_is_encoded_by_its_logarithm_and_choice_one_hot()
    {
        var point = s_space.Encode(Json("""{ "lr": 0.00316227766, "dropout": 0, "layers": 1, "optimizer": "adam" }"""));

        Assert.Equal(0.5, point[0], 6);
        Assert.Equal([1.0, 0.0], point[3..]);
    }

    [Fact]
    public void Sampling_gives_every_whole_number_and_choice_about_equally_often()
    {
        var random = new Random(1);
        var samples = Enumerable.Range(0, 3000).Select(_ => s_space.Decode(s_space.Sample(random))).ToList();

        var layers = samples.GroupBy(s => s.GetProperty("layers").GetInt32()).ToDictionary(g => g.Key, g => g.Count());
        var optimizers = samples.GroupBy(s => s.GetProperty("optimizer").GetString()!).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal([1, 2, 3], layers.Keys.Order());
        Assert.All(layers.Values, count => Assert.InRange(count, 850, 1150));
        Assert.All(optimizers.Values, count => Assert.InRange(count, 1350, 1650));
    }

    [Fact]
    public void Log_uniform_samples_fall_as_often_in_each_decade()
    {
        var random = new Random(2);
        var below = Enumerable.Range(0, 3000).Count(_ => s_space.Decode(s_space.Sample(random)).GetProperty("lr").GetDouble() < 0.001);

        Assert.InRange(below, 850, 1150);
    }

    [Fact]
    public void The_same_seed_and_trial_sample_the_same_point_and_another_trial_another()
    {
        var sampler = new RandomSampler(s_space, seed: 5);

        var first = sampler.Propose(3, [], [], []);

        Assert.Equal(first, sampler.Propose(3, [], [], []));
        Assert.NotEqual(first, sampler.Propose(4, [], [], []));
        Assert.NotEqual(first, new RandomSampler(s_space, seed: 6).Propose(3, [], [], []));
    }

    [Fact]
    public void Snapping_gives_the_coordinates_of_the_decoded_parameters()
    {
        var random = new Random(8);
        for (var i = 0; i < 200; i++)
        {
            var point = Enumerable.Range(0, s_space.Dimensions).Select(_ => random.NextDouble()).ToArray();

            var snapped = s_space.Snap(point);

            Assert.Equal(s_space.Encode(s_space.Decode(point)), snapped, (a, b) => Math.Abs(a - b) < 1e-9);
        }
    }

    [Fact]
    public void A_value_outside_the_choices_is_refused_when_encoding()
    {
        var error = Assert.Throws<SearchSpaceException>(() => s_space.Encode(Json("""{ "lr": 0.01, "dropout": 0, "layers": 1, "optimizer": "rmsprop" }""")));

        Assert.Equal(("optimizer", "values"), (error.Parameter, error.Field));
    }

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
