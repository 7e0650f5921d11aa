using System.Text.Json.Nodes;
using Agents.Persistence.Serialization;

namespace Agents.TestKit.Persistence;

/// <summary>
/// <see cref="SpecEvent"/> as an earlier release stored it: under a retired manifest, with its value in a field
/// named <c>text</c>. Writing it stands in for rows an older version left behind; the spec serializer's
/// <see cref="Upcaster"/> reads them back as <see cref="SpecEvent"/>.
/// </summary>
/// <param name="Text">Becomes <see cref="SpecEvent.Value"/> when upcast.</param>
[Manifest(RetiredManifest)]
public sealed record SpecRetiredEvent(string Text)
{
    /// <summary>The retired manifest this event is stored under.</summary>
    public const string RetiredManifest = "agents.testkit.spec-event-before-rename";

    /// <summary>Maps the retired manifest (version 1) to <see cref="SpecEvent"/>, renaming <c>text</c> to <c>value</c>.</summary>
    public static IEventUpcaster Upcaster { get; } = new EventUpcaster(RetiredManifest, 1, json =>
    {
        var node = json!.AsObject();
        var text = node["text"];
        node.Remove("text");
        node["value"] = text;
        return new UpcastResult("agents.testkit.spec-event", 1, node);
    });
}
