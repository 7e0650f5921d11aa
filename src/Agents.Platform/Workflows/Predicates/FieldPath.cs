using System.Text.Json;

namespace Agents.Platform.Workflows.Predicates;

/// <summary>
/// A path into the payload: property names and array indices, such as <c>metrics.val_loss</c>, <c>items[0].name</c>
/// or <c>labels["team.name"]</c>. A path that leaves the document (a property that is not there, an index past the end,
/// a property of a number) finds nothing.
/// </summary>
internal sealed class FieldPath(IReadOnlyList<FieldPath.Segment> segments) : PredicateOperand
{
    /// <inheritdoc />
    public override PredicateValue Resolve(in PredicateScope scope) =>
        TryFind(scope.Payload, out var element) ? PredicateValue.Of(element) : PredicateValue.Missing;

    /// <summary>Follows the path from <paramref name="root"/>.</summary>
    /// <returns>Whether the path found a value (JSON <c>null</c> counts as found).</returns>
    public bool TryFind(JsonElement root, out JsonElement element)
    {
        element = root;
        foreach (var segment in segments)
        {
            if (segment.Name is { } name)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return false;
                }
            }
            else if (element.ValueKind != JsonValueKind.Array || segment.Index >= element.GetArrayLength())
            {
                return false;
            }
            else
            {
                element = element[segment.Index];
            }
        }

        return element.ValueKind != JsonValueKind.Undefined;
    }

    /// <summary>One step of a path: a property name, or (when <see cref="Name"/> is null) an array index.</summary>
    internal readonly record struct Segment(string? Name, int Index);
}
