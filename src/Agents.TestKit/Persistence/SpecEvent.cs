using Agents.Persistence.Serialization;

namespace Agents.TestKit.Persistence;

/// <summary>The event the conformance suites write.</summary>
/// <param name="Value">Identifies the event in assertions.</param>
/// <param name="AdapterTag">When set, <see cref="SpecEventTagger"/> tags the event with it on write.</param>
[Manifest("agents.testkit.spec-event")]
public sealed record SpecEvent(string Value, string? AdapterTag = null);
