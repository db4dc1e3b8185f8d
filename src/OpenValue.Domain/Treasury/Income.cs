using NodaTime;
using NodaTime.Text;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Treasury;

using Money = OpenValue.Domain.Money.Money;

/// <summary>Money as a request carries it: <c>{"amount": "12.34", "currency": "EUR"}</c>, both strings.</summary>
public sealed record MoneyInput(string? Amount, string? Currency);

public sealed record RecordIncome(Guid IncomeId, MoneyInput? Amount, string? Source, string? ProjectId,
    string? ReceivedOn, string? Note, Guid RecordedBy);

public sealed record ReverseIncome(Guid IncomeId, string? Reason, Guid ReversedBy);

/// <summary>What one distribution still takes from its pool (see <see cref="Distribution.HeldMinor"/>).</summary>
public sealed record PoolHolding(Guid DistributionId, Instant ProposedAt, long HeldMinor);

public static class Income
{
    public const int MaxNoteLength = 2000;

    public const int MaxReasonLength = 2000;

    /// <summary>
    /// Income goes to the pool of its scope: a project's when it names one (licence fees for a project's
    /// design are that project's income, shared by that design's contributors), else the network's own.
    /// </summary>
    public static IncomeRecorded Decide(RecordIncome command, Network network, LocalDate today, Instant now)
    {
        var amount = TreasuryInput.PositiveAmount(command.Amount, network, "amount");
        var source = Statuses.Parse<IncomeSource>(command.Source, "source");
        var projectId = TreasuryInput.Project(command.ProjectId, network, "projectId");
        var receivedOn = Dates.Parse(command.ReceivedOn, "receivedOn", today);
        var note = Text.Optional(command.Note, "note", MaxNoteLength, multiline: true);
        return new IncomeRecorded(DerivedIds.Pool(network.Id, projectId), network.Id, projectId, command.IncomeId,
            amount.AmountMinor, amount.Currency.Code, source, receivedOn, note, command.RecordedBy, now);
    }
}

public static class IncomeReversal
{
    /// <summary>
    /// A compensating event that takes the income's amount out of its pool. Refused while the pool does not
    /// hold that much undistributed: the money went into distributions, which the refusal names (those
    /// proposed since the income was recorded that still hold money, else every one that does) so a treasurer
    /// can cancel or reverse them first. <paramref name="recorded"/> and <paramref name="earlier"/> are the
    /// income's own events in <paramref name="pool"/>'s stream, null when there are none.
    /// </summary>
    public static IncomeReversed Decide(
        ReverseIncome command, IncomeRecorded? recorded, IncomeReversed? earlier, Pool pool,
        IReadOnlyList<PoolHolding> holdings, Instant now)
    {
        var reason = Text.Required(command.Reason, "reason", Income.MaxReasonLength, multiline: true);
        if (recorded is null || recorded.IncomeId != command.IncomeId || recorded.PoolId != pool.Id)
            throw RuleViolation.NotFound("income-not-found",
                $"Income record {command.IncomeId} is not in this network.");
        var amount = new Money(recorded.AmountMinor, Domain.Money.Currency.Parse(recorded.Currency, "currency"));
        if (earlier is not null)
            throw RuleViolation.Conflict("already-reversed",
                $"This income of {amount} was already reversed at {earlier.ReversedAt}.");
        if (recorded.AmountMinor > pool.AvailableMinor)
            throw Distributed(amount, new Money(pool.AvailableMinor, amount.Currency), Holding(holdings,
                recorded.RecordedAt));
        return new IncomeReversed(pool.Id, pool.NetworkId, pool.ProjectId, recorded.IncomeId, recorded.AmountMinor,
            recorded.Currency, reason, command.ReversedBy, now);
    }

    /// <summary>The distributions holding money proposed since the moment, else every one holding money.</summary>
    private static List<Guid> Holding(IReadOnlyList<PoolHolding> holdings, Instant since)
    {
        var holding = holdings.Where(h => h.HeldMinor > 0).OrderBy(h => h.ProposedAt).ThenBy(h => h.DistributionId)
            .ToList();
        var later = holding.Where(h => h.ProposedAt >= since).ToList();
        return [.. (later.Count > 0 ? later : holding).Select(h => h.DistributionId)];
    }

    private static RuleViolation Distributed(Money amount, Money undistributed, List<Guid> used) =>
        new(RefusalKind.Conflict, "income-distributed",
            $"The pool no longer holds this income of {amount}: {undistributed} of it is undistributed, the rest is " +
            $"in {used.Count} distribution{(used.Count == 1 ? "" : "s")} ({string.Join(", ", used)}). " +
            "Cancel them or reverse their payouts first.")
        {
            Details = new Dictionary<string, object> { ["distributionIds"] = used },
        };
}

public static class PoolCapacity
{
    /// <summary>
    /// Refuses income that would take the pool past <see cref="Pool.MaxIncomeMinor"/> (Conflict "pool-full").
    /// </summary>
    public static void Check(Pool? pool, IncomeRecorded income)
    {
        var held = pool?.IncomeMinor ?? 0;
        if (income.AmountMinor > Pool.MaxIncomeMinor - held)
            throw RuleViolation.Conflict("pool-full",
                "This pool cannot take more income: its recorded income would pass the most one pool may hold " +
                $"({new Money(Pool.MaxIncomeMinor, Domain.Money.Currency.Parse(income.Currency, "currency"))}).");
    }
}

/// <summary>Parsing shared by the treasury's decisions; every refusal names the request field.</summary>
public static class TreasuryInput
{
    /// <summary>A positive amount in the network's currency, with no more decimals than the currency has.</summary>
    public static Money PositiveAmount(MoneyInput? input, Network network, string field)
    {
        if (input is null)
            throw RuleViolation.Invalid(field,
                $"'{field}' is required: {{\"amount\": \"12.34\", \"currency\": \"{network.Currency}\"}}.");
        var currency = OpenValue.Domain.Money.Currency.Parse(network.Currency, "currency");
        if (input.Currency != currency.Code)
            throw RuleViolation.Invalid($"{field}.currency",
                $"'{field}.currency' must be the network's currency {currency.Code} (got '{input.Currency}').");
        var amount = Money.Parse(input.Amount, currency, $"{field}.amount");
        return amount.AmountMinor > 0
            ? amount
            : throw RuleViolation.Invalid($"{field}.amount", $"'{field}.amount' must be more than 0.");
    }

    /// <summary>Null for the network's own scope, else a project of this network.</summary>
    public static Guid? Project(string? projectId, Network network, string field)
    {
        if (string.IsNullOrEmpty(projectId))
            return null;
        if (!Guid.TryParse(projectId, out var id))
            throw RuleViolation.Invalid(field, $"'{field}' must be a UUID or null.");
        return network.Projects.ContainsKey(id)
            ? id
            : throw RuleViolation.Invalid(field, $"'{field}' {id} is not a project of this network.");
    }
}
