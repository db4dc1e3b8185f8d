using NodaTime;

namespace OpenValue.Domain.Networks;

/// <summary>A stakeholder class in force from an instant until the next period's.</summary>
public sealed record ClassPeriod(Instant From, StakeholderClass StakeholderClass);

/// <summary>
/// A member's stakeholder class as a function of time: the class they were admitted in, from their admission,
/// then each change from the start of its effective day (UTC). A change dated on or before a later-dated one
/// replaces it: the newest decision holds from its date on.
/// </summary>
public static class ClassHistory
{
    public static Instant StartOf(LocalDate date) => date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();

    /// <summary>The history with <paramref name="change"/> in force from its instant on.</summary>
    public static List<ClassPeriod> With(IEnumerable<ClassPeriod> history, ClassPeriod change) =>
        [.. history.Where(p => p.From < change.From), change];

    /// <summary>The class in force at <paramref name="at"/>; before the first period, the first period's.</summary>
    public static StakeholderClass At(IReadOnlyList<ClassPeriod> history, Instant at)
    {
        var inForce = history[0].StakeholderClass;
        foreach (var period in history)
            if (period.From <= at)
                inForce = period.StakeholderClass;
        return inForce;
    }
}
