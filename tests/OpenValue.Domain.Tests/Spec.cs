using OpenValue.Domain;

namespace OpenValue.Domain.Tests;

/// <summary>Given events, when a decision runs, then these events or this refusal.</summary>
public sealed class Spec<TState>(Func<TState?, object, TState?> evolve) where TState : class
{
    private TState? state;

    public Spec<TState> Given(params object[] events)
    {
        state = events.Aggregate(state, evolve);
        return this;
    }

    public TState State => state ?? throw new InvalidOperationException("Given no events yet.");

    public void Then(Func<TState, IEnumerable<object>> decide, params object[] expected) =>
        decide(State).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering().RespectingRuntimeTypes());

    public RuleViolation ThenRefused(Func<TState, IEnumerable<object>> decide, RefusalKind kind, string code)
    {
        var act = () => decide(State).ToList();
        var violation = act.Should().Throw<RuleViolation>().Which;
        violation.Kind.Should().Be(kind);
        violation.Code.Should().Be(code);
        return violation;
    }
}
