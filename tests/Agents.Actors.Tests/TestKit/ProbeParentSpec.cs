using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.TestKit;

public sealed class ProbeParentSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    [Fact]
    public void What_the_child_tells_its_parent_reaches_the_probe_with_the_childs_sender()
    {
        var probe = CreateTestProbe();
        Sys.ActorOf(ProbeParent.Props(Props.Create(() => new Greeter()), "greeter", probe.Ref));
        var child = probe.ExpectMsg<ChildCreated>().Child;

        child.Tell("hello");

        Assert.Equal("child says hello", probe.ExpectMsg<string>());
        Assert.Equal(child, probe.LastSender);
    }

    [Fact]
    public void A_failure_of_the_child_is_reported_and_the_child_restarted()
    {
        var probe = CreateTestProbe();
        Sys.ActorOf(ProbeParent.Props(Props.Create(() => new Greeter()), "greeter", probe.Ref));
        var child = probe.ExpectMsg<ChildCreated>().Child;

        child.Tell("fail");

        Assert.Equal("asked to fail", probe.ExpectMsg<ChildFailed>().Cause.Message);
        child.Tell("again");
        Assert.Equal("child says again", probe.ExpectMsg<string>());
    }

    private sealed class Greeter : ReceiveActor
    {
        public Greeter()
        {
            Receive<string>(text => text == "fail", _ => throw new InvalidOperationException("asked to fail"));
            Receive<string>(text => Context.Parent.Tell($"child says {text}"));
        }
    }
}
