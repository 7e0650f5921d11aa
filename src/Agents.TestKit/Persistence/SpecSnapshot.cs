using Agents.Persistence.Serialization;

namespace Agents.TestKit.Persistence;

/// <summary>The snapshot state the conformance suites save.</summary>
/// <param name="State">Identifies the snapshot in assertions.</param>
[Manifest("agents.testkit.spec-snapshot")]
public sealed record SpecSnapshot(string State);
