using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Behavior;

public sealed class BecomeSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed class Switch : ReceiveActor
    {
        public Switch()
        {
            Receive<string>(s => s == "on", _ => Become(On));
            Receive<string>(s => s == "push", _ => BecomeStacked(Pushed));
            Receive<string>(s => Sender.Tell($"off:{s}", Self));
        }

        private void On()
        {
            Receive<string>(s => s == "off", _ => Unbecome());
            Receive<string>(s => Sender.Tell($"on:{s}", Self));
        }

        private void Pushed()
        {
            Receive<string>(s => s == "pop", _ => Unbecome());
            Receive<string>(s => s == "push", _ => BecomeStacked(Deeper));
            Receive<string>(s => Sender.Tell($"pushed:{s}", Self));
        }

        private void Deeper()
        {
            Receive<string>(s => s == "pop", _ => Unbecome());
            Receive<string>(s => Sender.Tell($"deeper:{s}", Self));
        }
    }

    private sealed class Untyped : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "upper":
                    Become(m =>
                    {
                        Sender.Tell(m.ToString()!.ToUpperInvariant(), Self);
                        return true;
                    });
                    break;
                case string text:
                    Sender.Tell(text, Self);
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }
    }

    private sealed class Ordered : ReceiveActor
    {
        public Ordered()
        {
            Receive<int>(n => n > 10, n => Sender.Tell($"big {n}", Self));
            Receive<int>(n => Sender.Tell($"small {n}", Self));
            Receive<object>(o => Sender.Tell($"other {o}", Self));
        }
    }

    private sealed class LateDeclaration : ReceiveActor
    {
        public LateDeclaration() => Receive<string>(_ =>
        {
            try
            {
                Receive<int>(_ => { });
            }
            catch (InvalidOperationException e)
            {
                Sender.Tell(e.Message, Self);
            }
        });
    }

    [Fact]
    public void Become_replaces_the_behavior()
    {
        var actor = ActorOf(() => new Switch());

        actor.Tell("a");
        actor.Tell("on");
        actor.Tell("b");

        ExpectMsg("off:a");
        ExpectMsg("on:b");
    }

    [Fact]
    public void Unbecome_after_Become_returns_to_the_initial_behavior()
    {
        var actor = ActorOf(() => new Switch());

        actor.Tell("on");
        actor.Tell("off");
        actor.Tell("c");

        ExpectMsg("off:c");
    }

    [Fact]
    public void BecomeStacked_and_Unbecome_walk_the_behavior_stack()
    {
        var actor = ActorOf(() => new Switch());

        actor.Tell("push");
        actor.Tell("x");
        actor.Tell("push");
        actor.Tell("y");
        actor.Tell("pop");
        actor.Tell("z");
        actor.Tell("pop");
        actor.Tell("w");

        ExpectMsg("pushed:x");
        ExpectMsg("deeper:y");
        ExpectMsg("pushed:z");
        ExpectMsg("off:w");
    }

    [Fact]
    public void An_untyped_actor_can_become_a_function()
    {
        var actor = ActorOf(() => new Untyped());

        actor.Tell("upper");
        actor.Tell("quiet");

        ExpectMsg("QUIET");
    }

    [Fact]
    public void Handlers_are_tried_in_declaration_order_with_their_predicates()
    {
        var actor = ActorOf(() => new Ordered());

        actor.Tell(42);
        actor.Tell(7);
        actor.Tell("x");

        ExpectMsg("big 42");
        ExpectMsg("small 7");
        ExpectMsg("other x");
    }

    [Fact]
    public void An_unhandled_message_is_published_on_the_event_stream()
    {
        var actor = ActorOf(() => new Switch(), "switch");
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<UnhandledMessage>(probe.Ref);

        actor.Tell(3.14);

        var unhandled = probe.ExpectMsg<UnhandledMessage>();
        Assert.Equal(3.14, unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
        Assert.Equal(TestActor, unhandled.Sender);
    }

    [Fact]
    public void An_unhandled_message_is_counted_and_logged()
    {
        var actor = ActorOf(() => new Untyped());

        EventFilter.Info("was not handled").ExpectOne(() => actor.Tell(99));

        Assert.Equal(1, Sys.UnhandledMessageCount);
    }

    [Fact]
    public void Declaring_handlers_after_construction_is_rejected()
    {
        var actor = ActorOf(() => new LateDeclaration());

        actor.Tell("try");

        Assert.Contains("Declare Receive handlers in the constructor", ExpectMsg<string>());
    }
}
