using System.Diagnostics.Metrics;
using Agents.TestKit;

namespace Agents.Actors.Tests.System;

public sealed class ActorSystemSpec
{
    private sealed class Named : ReceiveActor
    {
        public Named(string tag) => ReceiveAny(_ => Sender.Tell($"{tag}:{Self.Path}", Self));
    }

    private static ActorSystem CreateSystem(string name, ManualTimeProvider? time = null) =>
        ActorSystem.Create(name, settings: null, time ?? new ManualTimeProvider());

    [Fact]
    public async Task Terminate_stops_every_actor_and_completes_WhenTerminated()
    {
        var system = CreateSystem("sys");
        var stopped = new global::System.Collections.Concurrent.ConcurrentQueue<string>();
        system.ActorOf(Props.Create(() => new Stoppable(stopped)), "a");
        system.ActorOf(Props.Create(() => new Stoppable(stopped)), "b");

        await system.Terminate();

        Assert.True(system.WhenTerminated.IsCompleted);
        Assert.Equal(["a", "b"], stopped.Order());
    }

    private sealed class Stoppable(global::System.Collections.Concurrent.ConcurrentQueue<string> stopped) : ReceiveActor
    {
        protected override void PostStop() => stopped.Enqueue(Self.Path.Name);
    }

    [Fact]
    public async Task Two_systems_in_one_process_do_not_share_actors_or_names()
    {
        await using var first = CreateSystem("first");
        await using var second = CreateSystem("second");

        var a1 = first.ActorOf(Props.Create(() => new Named("one")), "same");
        var a2 = second.ActorOf(Props.Create(() => new Named("two")), "same");

        Assert.Equal("one:agents://first/user/same", await a1.Ask<string>("who"));
        Assert.Equal("two:agents://second/user/same", await a2.Ask<string>("who"));
        Assert.NotEqual(a1, a2);
    }

    [Fact]
    public async Task Terminating_one_system_leaves_the_other_running()
    {
        var first = CreateSystem("first");
        await using var second = CreateSystem("second");
        var survivor = second.ActorOf(Props.Create(() => new Named("two")));

        await first.Terminate();

        Assert.Equal("two:" + survivor.Path, await survivor.Ask<string>("still there?"));
    }

    [Fact]
    public async Task Creating_an_actor_after_termination_is_rejected()
    {
        var system = CreateSystem("done");
        await system.Terminate();

        var error = Assert.Throws<InvalidOperationException>(() => system.ActorOf(Props.Create(() => new Named("late"))));

        Assert.Contains("stopping or stopped", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    [InlineData("dots.are.not.allowed")]
    public void An_invalid_system_name_is_rejected_with_the_rule(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => ActorSystem.Create(name));

        Assert.Contains("letters, digits", error.Message);
    }

    [Fact]
    public void An_out_of_range_setting_is_rejected_with_its_name_value_and_default()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ActorSystem.Create("bad", new ActorSystemSettings { Throughput = 0 }));

        Assert.Contains("ActorSystemSettings.Throughput is 0", error.Message);
        Assert.Contains("default 100", error.Message);
    }

    [Fact]
    public async Task The_guardians_user_system_and_temp_exist()
    {
        await using var system = CreateSystem("guardians");

        foreach (var guardian in new[] { "/user", "/system", "/temp" })
        {
            var identity = await system.ActorSelection(guardian).Ask<ActorIdentity>(new Identify(guardian));
            Assert.Equal(guardian, identity.Subject!.Path.ToStringWithoutAddress());
        }
    }

    [Fact]
    public async Task Each_system_reports_its_metrics_on_its_own_meter()
    {
        await using var first = CreateSystem("metrics-a");
        await using var second = CreateSystem("metrics-b");
        var processed = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Agents.Actors" && instrument.Name == "agents.actors.messages.processed")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            var system = (string)instrument.Meter.Tags!.Single(t => t.Key == "actor.system").Value!;
            lock (processed)
            {
                processed[system] = processed.GetValueOrDefault(system) + value;
            }
        });
        listener.Start();
        var echo = first.ActorOf(Props.Create(() => new Named("x")));

        for (var i = 0; i < 100; i++)
        {
            await echo.Ask<string>(i);
        }

        lock (processed)
        {
            Assert.True(processed.GetValueOrDefault("metrics-a") >= 100);
            Assert.True(processed.GetValueOrDefault("metrics-b") < 10, "the second system only processes its own startup messages");
        }
    }

    [Fact]
    public async Task Dead_letters_of_one_system_are_counted_on_that_system_only()
    {
        await using var first = CreateSystem("dl-a");
        await using var second = CreateSystem("dl-b");

        first.DeadLetters.Tell("x", null);

        Assert.Equal(1, first.DeadLetterCount);
        Assert.Equal(0, second.DeadLetterCount);
    }

    private sealed class Thrower : ReceiveActor
    {
        public Thrower() => ReceiveAny(_ => throw new InvalidOperationException("escalate me"));
    }

    [Fact]
    public async Task A_failure_escalated_by_the_user_guardian_terminates_the_system()
    {
        var system = ActorSystem.Create("escalating", new ActorSystemSettings
        {
            GuardianSupervisorStrategy = new OneForOneStrategy(_ => Directive.Escalate),
        }, new ManualTimeProvider());
        var thrower = system.ActorOf(Props.Create(() => new Thrower()));

        thrower.Tell("boom", null);

        await system.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task System_actors_live_under_the_system_guardian()
    {
        await using var system = CreateSystem("sysactors");

        var actor = system.SystemActorOf(Props.Create(() => new Named("runtime")), "journal");

        Assert.Equal("/system/journal", actor.Path.ToStringWithoutAddress());
    }
}
