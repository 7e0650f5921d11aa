using Agents.Persistence.Serialization;

namespace Agents.Persistence.Tests.Serialization;

[Manifest("training.epoch-completed", Version = 3)]
public sealed record EpochCompleted(int Epoch, double LearningRate, string Optimizer);

[Manifest("training.started")]
public sealed record TrainingStarted(string Model);

[Manifest("training.started")]
public sealed record ClashingTrainingStarted(string Model);

[Manifest("deploy.canary-promoted", Version = 2)]
public sealed record CanaryPromoted(string Release);

public sealed record NoManifest(string Value);

[Manifest("bad.version", Version = 0)]
public sealed record ZeroVersion(string Value);
