namespace Agents.TestKit.Persistence;

/// <summary>An event type with no manifest: a store must reject it on write.</summary>
/// <param name="Value">Any value.</param>
public sealed record SpecUnregisteredEvent(string Value);
