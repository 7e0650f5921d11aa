using System.Text.Json;

namespace Agents.Platform.Workflows.Predicates;

/// <summary>What a predicate is evaluated against: the event's payload as JSON and the event fields beside it.</summary>
/// <param name="Payload">The payload as JSON.</param>
/// <param name="Topic">The topic the event was published on (<c>$topic</c>).</param>
/// <param name="Publisher">Who published it (<c>$publisher</c>).</param>
internal readonly record struct PredicateScope(JsonElement Payload, string Topic, string Publisher);
