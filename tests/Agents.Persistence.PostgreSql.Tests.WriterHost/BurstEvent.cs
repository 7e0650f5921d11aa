using Agents.Persistence.Serialization;

namespace Agents.Persistence.PostgreSql.Tests.WriterHost;

/// <summary>The event the burst writes.</summary>
[Manifest("agents.test.burst-event")]
public sealed record BurstEvent(int Writer, long SequenceNr);
