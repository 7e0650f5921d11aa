using System.Text.Json;
using Agents.Persistence.Serialization;

namespace Agents.Library.Optimization;

/// <summary>
/// The optimizer decided the parameters of a trial (journaled before the trial is launched, so a restart neither
/// forgets it nor proposes it again). The deadline is kept with it so that a restart keeps the trial's timeout.
/// </summary>
/// <param name="Trial">The trial number, from 1.</param>
/// <param name="RunId">The run's id: <c>&lt;optimizationId&gt;-trial-&lt;n&gt;</c>.</param>
/// <param name="Parameters">The parameters, a JSON object from name to value.</param>
/// <param name="ProposedAt">When it was proposed.</param>
/// <param name="Deadline">When it times out unless its <c>training.complete</c> arrived.</param>
[Manifest("agents.optimizer-trial-proposed")]
public sealed record TrialProposed(int Trial, string RunId, JsonElement Parameters, DateTimeOffset ProposedAt, DateTimeOffset Deadline);
