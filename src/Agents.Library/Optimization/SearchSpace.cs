using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agents.Library.Optimization;

/// <summary>
/// The parameters an optimization searches over, and their encoding as a point of the unit cube
/// (<see cref="Dimensions"/> coordinates, in the order of <see cref="Parameters"/>).
/// </summary>
/// <remarks>
/// Written as a JSON object from parameter name to its description, in the order the parameters are encoded:
/// <code>
/// { "learning_rate": { "kind": "log_uniform", "low": 1e-4, "high": 0.1 },
///   "dropout":       { "kind": "uniform", "low": 0.0, "high": 0.5 },
///   "layers":        { "kind": "int", "low": 1, "high": 6 },
///   "optimizer":     { "kind": "choice", "values": ["adam", "sgd"] } }
/// </code>
/// <c>type</c> is accepted in place of <c>kind</c>.
/// </remarks>
public sealed class SearchSpace
{
    private static readonly string[] s_kinds = ["log_uniform", "uniform", "int", "choice"];

    /// <summary>Creates a space of <paramref name="parameters"/>.</summary>
    /// <exception cref="SearchSpaceException">There are no parameters, or two share a name.</exception>
    public SearchSpace(IReadOnlyList<SearchParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            throw new SearchSpaceException(string.Empty, string.Empty,
                "it has no parameters; give at least one, such as { \"learning_rate\": { \"kind\": \"log_uniform\", \"low\": 1e-4, \"high\": 0.1 } }.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (!names.Add(parameter.Name))
            {
                throw new SearchSpaceException(parameter.Name, string.Empty, "it is defined twice; give each parameter one description.");
            }
        }

        Parameters = parameters;
        Dimensions = parameters.Sum(p => p.Width);
    }

    /// <summary>The parameters, in encoding order.</summary>
    public IReadOnlyList<SearchParameter> Parameters { get; }

    /// <summary>The number of unit-cube coordinates of a point.</summary>
    public int Dimensions { get; }

    /// <summary>Reads a space from its JSON description (see the remarks of <see cref="SearchSpace"/>).</summary>
    /// <exception cref="SearchSpaceException">The description is invalid; the message names the parameter and field.</exception>
    public static SearchSpace Parse(JsonElement description)
    {
        if (description.ValueKind != JsonValueKind.Object)
        {
            throw new SearchSpaceException(string.Empty, string.Empty,
                $"it must be an object from parameter name to description, not a {Kind(description)}.");
        }

        var parameters = new List<SearchParameter>();
        foreach (var property in description.EnumerateObject())
        {
            parameters.Add(ParseParameter(property.Name, property.Value));
        }

        return new SearchSpace(parameters);
    }

    /// <summary>The parameters at the unit-cube point <paramref name="point"/>, as a JSON object from name to value.</summary>
    public JsonElement Decode(ReadOnlySpan<double> point)
    {
        CheckLength(point.Length);
        var values = new JsonObject();
        var offset = 0;
        foreach (var parameter in Parameters)
        {
            values[parameter.Name] = parameter.Decode(point.Slice(offset, parameter.Width));
            offset += parameter.Width;
        }

        return JsonSerializer.SerializeToElement(values);
    }

    /// <summary>The unit-cube point of <paramref name="parameters"/>, a JSON object from name to value.</summary>
    /// <exception cref="SearchSpaceException">A parameter is missing or has a value it cannot take.</exception>
    public double[] Encode(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            throw new SearchSpaceException(string.Empty, string.Empty, $"parameters must be an object from name to value, not a {Kind(parameters)}.");
        }

        var point = new double[Dimensions];
        var offset = 0;
        foreach (var parameter in Parameters)
        {
            if (!parameters.TryGetProperty(parameter.Name, out var value))
            {
                throw new SearchSpaceException(parameter.Name, string.Empty, "the parameters have no value for it.");
            }

            parameter.Encode(value, point.AsSpan(offset, parameter.Width));
            offset += parameter.Width;
        }

        return point;
    }

    /// <summary>
    /// The point that stands for the same parameters as <paramref name="point"/>: whole numbers moved to the middle of
    /// their bin, choices made one-hot. The model is fitted and queried at such points only.
    /// </summary>
    public double[] Snap(ReadOnlySpan<double> point)
    {
        CheckLength(point.Length);
        var snapped = new double[Dimensions];
        var offset = 0;
        foreach (var parameter in Parameters)
        {
            parameter.Snap(point.Slice(offset, parameter.Width), snapped.AsSpan(offset, parameter.Width));
            offset += parameter.Width;
        }

        return snapped;
    }

    /// <summary>A point drawn uniformly from the space (log-uniform, uniform, every whole number and choice equally likely), snapped.</summary>
    public double[] Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var point = new double[Dimensions];
        for (var i = 0; i < point.Length; i++)
        {
            point[i] = random.NextDouble();
        }

        return Snap(point);
    }

    private void CheckLength(int length)
    {
        if (length != Dimensions)
        {
            throw new ArgumentException($"A point of this space has {Dimensions} coordinates, not {length}.", nameof(length));
        }
    }

    private static SearchParameter ParseParameter(string name, JsonElement spec)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new SearchSpaceException(string.Empty, string.Empty, "a parameter has an empty name; give every parameter a name.");
        }

        if (spec.ValueKind != JsonValueKind.Object)
        {
            throw new SearchSpaceException(name, string.Empty,
                $"its description must be an object such as {{ \"kind\": \"uniform\", \"low\": 0, \"high\": 1 }}, not a {Kind(spec)}.");
        }

        var kindField = spec.TryGetProperty("kind", out var kindElement) ? "kind" : spec.TryGetProperty("type", out kindElement) ? "type" : null;
        if (kindField is null)
        {
            throw new SearchSpaceException(name, "kind", $"it is missing; give one of {string.Join(", ", s_kinds)}.");
        }

        var kind = kindElement.ValueKind == JsonValueKind.String ? kindElement.GetString() : null;
        switch (kind)
        {
            case "log_uniform":
                var (logLow, logHigh) = Bounds(name, spec, integer: false);
                if (logLow <= 0)
                {
                    throw new SearchSpaceException(name, "low",
                        $"{Text(logLow)} is not positive; a log_uniform parameter needs 0 < low < high (use uniform for ranges that include 0).");
                }

                return new SearchParameter(name, SearchParameterKind.LogUniform, logLow, logHigh, []);
            case "uniform":
                var (low, high) = Bounds(name, spec, integer: false);
                return new SearchParameter(name, SearchParameterKind.Uniform, low, high, []);
            case "int":
                var (intLow, intHigh) = Bounds(name, spec, integer: true);
                return new SearchParameter(name, SearchParameterKind.Int, intLow, intHigh, []);
            case "choice":
                return new SearchParameter(name, SearchParameterKind.Choice, 0, 0, Values(name, spec));
            default:
                throw new SearchSpaceException(name, kindField,
                    $"{kindElement.GetRawText()} is not a parameter kind; use one of {string.Join(", ", s_kinds)}.");
        }
    }

    private static (double Low, double High) Bounds(string name, JsonElement spec, bool integer)
    {
        var low = Bound(name, spec, "low", integer);
        var high = Bound(name, spec, "high", integer);
        if (!(low < high))
        {
            throw new SearchSpaceException(name, "high", $"{Text(high)} is not above low ({Text(low)}); give low < high.");
        }

        return (low, high);
    }

    private static double Bound(string name, JsonElement spec, string field, bool integer)
    {
        if (!spec.TryGetProperty(field, out var element))
        {
            throw new SearchSpaceException(name, field, $"it is missing; give a {(integer ? "whole number" : "number")}.");
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw new SearchSpaceException(name, field, $"{element.GetRawText()} is not a {(integer ? "whole number" : "finite number")}.");
        }

        if (integer && (value != Math.Floor(value) || Math.Abs(value) > 1e15))
        {
            throw new SearchSpaceException(name, field, $"{element.GetRawText()} is not a whole number; an int parameter has whole bounds.");
        }

        return value;
    }

    private static JsonElement[] Values(string name, JsonElement spec)
    {
        if (!spec.TryGetProperty("values", out var element) || element.ValueKind != JsonValueKind.Array)
        {
            throw new SearchSpaceException(name, "values", "a choice needs a list of values, such as [\"adam\", \"sgd\"].");
        }

        var values = element.EnumerateArray().Select(v => v.Clone()).ToArray();
        if (values.Length == 0)
        {
            throw new SearchSpaceException(name, "values", "the list is empty; give at least one value.");
        }

        for (var i = 0; i < values.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JsonElement.DeepEquals(values[i], values[j]))
                {
                    throw new SearchSpaceException(name, "values", $"{values[i].GetRawText()} is listed twice; list each value once.");
                }
            }
        }

        return values;
    }

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
