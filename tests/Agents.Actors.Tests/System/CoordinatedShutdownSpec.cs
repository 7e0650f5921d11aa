using Agents.TestKit;

namespace Agents.Actors.Tests.System;

public sealed class CoordinatedShutdownSpec
{
    private static ActorSystem CreateSystem(ManualTimeProvider time, CoordinatedShutdownSettings? settings = null) =>
        ActorSystem.Create("shutdown", new ActorSystemSettings { CoordinatedShutdown = settings ?? new CoordinatedShutdownSettings() }, time);

    [Fact]
    public async Task Phases_run_in_order_and_end_with_the_actors_stopped()
    {
        var system = CreateSystem(new ManualTimeProvider());
        var order = new List<string>();
        var shutdown = CoordinatedShutdown.Get(system);
        foreach (var phase in shutdown.Phases.Reverse())
        {
            shutdown.AddTask(phase, $"task-{phase}", _ =>
            {
                lock (order)
                {
                    order.Add(phase);
                }
                return Task.CompletedTask;
            });
        }

        await shutdown.Run(CoordinatedShutdownReason.Unknown);

        Assert.Equal(shutdown.Phases, order);
        Assert.True(system.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task Running_twice_returns_the_same_run_and_keeps_the_first_reason()
    {
        await using var system = CreateSystem(new ManualTimeProvider());
        var shutdown = system.CoordinatedShutdown;

        var first = shutdown.Run(CoordinatedShutdownReason.ClusterLeaving);
        var second = shutdown.Run(CoordinatedShutdownReason.ProcessExit);
        await first;

        Assert.Same(first, second);
        Assert.Equal(CoordinatedShutdownReason.ClusterLeaving, shutdown.ShutdownReason);
    }

    [Fact]
    public async Task Tasks_of_one_phase_run_concurrently_before_the_next_phase()
    {
        var system = CreateSystem(new ManualTimeProvider());
        var shutdown = system.CoordinatedShutdown;
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        var stopSeen = false;
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "a", async _ =>
        {
            second.SetResult();
            await first.Task;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "b", async _ =>
        {
            await second.Task;
            first.SetResult();
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "after", _ =>
        {
            stopSeen = first.Task.IsCompleted && second.Task.IsCompleted;
            return Task.CompletedTask;
        });

        await shutdown.Run(CoordinatedShutdownReason.Unknown).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(stopSeen);
    }

    [Fact]
    public async Task A_failing_task_does_not_stop_the_shutdown()
    {
        var system = CreateSystem(new ManualTimeProvider());
        system.CoordinatedShutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "throws", _ => throw new InvalidOperationException("bad task"));

        await system.CoordinatedShutdown.Run(CoordinatedShutdownReason.Unknown);

        Assert.True(system.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task Terminate_runs_the_shutdown_phases()
    {
        var system = CreateSystem(new ManualTimeProvider());
        var ran = false;
        system.CoordinatedShutdown.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "flush", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        await system.Terminate();

        Assert.True(ran);
        Assert.Equal(CoordinatedShutdownReason.ActorSystemTerminate, system.CoordinatedShutdown.ShutdownReason);
    }

    [Fact]
    public async Task A_removed_task_does_not_run()
    {
        var system = CreateSystem(new ManualTimeProvider());
        var ran = false;
        var registration = system.CoordinatedShutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "removed", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        registration.Dispose();
        await system.Terminate();

        Assert.False(ran);
    }

    [Fact]
    public async Task An_unknown_phase_is_rejected_with_the_known_ones()
    {
        await using var system = CreateSystem(new ManualTimeProvider());

        var error = Assert.Throws<ArgumentException>(() => system.CoordinatedShutdown.AddTask("service-pause", "x", _ => Task.CompletedTask));

        Assert.Contains("service-unbind", error.Message);
    }

    [Fact]
    public async Task Phase_timeouts_come_from_the_settings()
    {
        await using var system = CreateSystem(new ManualTimeProvider(), new CoordinatedShutdownSettings { DefaultPhaseTimeout = TimeSpan.FromSeconds(7) });

        Assert.Equal(TimeSpan.FromSeconds(7), system.CoordinatedShutdown.GetPhaseTimeout(CoordinatedShutdown.PhaseClusterLeave));
        Assert.Equal(TimeSpan.FromSeconds(10), system.CoordinatedShutdown.GetPhaseTimeout(CoordinatedShutdown.PhaseActorSystemTerminate));
    }

    [Fact]
    public async Task Process_exit_hooks_are_registered_on_request_and_released_on_termination()
    {
        var system = ActorSystem.Create("hooks", new ActorSystemSettings
        {
            CoordinatedShutdown = new CoordinatedShutdownSettings { RunOnProcessExit = true },
        }, new ManualTimeProvider());

        await system.Terminate();

        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
    }
}
