using NodaTime;
using NodaTime.Text;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;

namespace OpenValue.Domain.Budgeting;

using Money = OpenValue.Domain.Money.Money;
using LargestRemainder = OpenValue.Domain.Money.LargestRemainder;

public sealed record OpenRound(
    string? Title, MoneyInput? Amount, string? ProjectId, string? Budget, string? OpensAt, string? ClosesAt,
    MoneyInput? CapPerBucket, bool? BucketsNeedApproval, Guid OpenedBy);

/// <summary>An opening that passed validation: what the endpoint needs to fetch the pool and the members.</summary>
public sealed record RoundRequest(
    string Title, Money Amount, Guid? ProjectId, BudgetRule Budget, Instant OpensAt, Instant ClosesAt,
    long? CapPerBucketMinor, bool BucketsNeedApproval);

public static class Opening
{
    public const int MaxTitleLength = 200;

    /// <summary>The longest funding window: a year and a day.</summary>
    public static readonly Duration MaxWindow = Duration.FromDays(366);

    /// <summary>Checks the request alone; the pool and the members are read only for a valid one.</summary>
    public static RoundRequest Validate(OpenRound command, Network network, Instant now)
    {
        var title = Text.Required(command.Title, "title", MaxTitleLength);
        var amount = TreasuryInput.PositiveAmount(command.Amount, network, "amount");
        var projectId = TreasuryInput.Project(command.ProjectId, network, "projectId");
        var budget = Statuses.Parse<BudgetRule>(command.Budget, "budget");
        var opensAt = string.IsNullOrEmpty(command.OpensAt) ? now : Moment(command.OpensAt, "opensAt");
        if (string.IsNullOrEmpty(command.ClosesAt))
            throw RuleViolation.Invalid("closesAt", "'closesAt' is required: the instant the funding window ends.");
        var closesAt = Moment(command.ClosesAt, "closesAt");
        if (closesAt <= now || closesAt <= opensAt)
            throw RuleViolation.Invalid("closesAt", "'closesAt' must be in the future and after 'opensAt'.");
        if (closesAt - opensAt > MaxWindow || opensAt - now > MaxWindow)
            throw RuleViolation.Invalid("closesAt",
                $"The funding window may last at most {MaxWindow.Days} days and start at most as far ahead.");
        var cap = command.CapPerBucket is null ? (long?)null
            : TreasuryInput.PositiveAmount(command.CapPerBucket, network, "capPerBucket").AmountMinor;
        return new RoundRequest(title, amount, projectId, budget, opensAt, closesAt, cap,
            command.BucketsNeedApproval ?? false);
    }

    /// <summary>
    /// Reserves the amount in the pool and gives out the budgets. <paramref name="weights"/> are the members the
    /// budgets go to: for equal budgets every member at the opening with weight 1, for by-share budgets each
    /// member's share as of the opening (members without a share get no budget). The split is the largest
    /// remainder rule, so the budgets sum exactly to the amount; the minor units a split leaves over go one each
    /// to the largest remainders, equal remainders to the smaller member id (see MemberIdOrder), so with equal
    /// budgets the first members in id order get one minor unit more.
    /// </summary>
    public static (RoundReserved Reservation, RoundOpened Opened) Decide(
        RoundRequest request, Guid roundId, Pool pool, Network network, IReadOnlyDictionary<Guid, decimal> weights,
        Guid openedBy, Instant now)
    {
        var amount = request.Amount;
        if (amount.AmountMinor > pool.AvailableMinor)
            throw RuleViolation.Conflict("insufficient-funds",
                $"{amount} is more than the {new Money(pool.AvailableMinor, amount.Currency)} undistributed in this " +
                "pool (income less distributions and rounds that hold money).");
        var eligible = weights.Where(w => w.Value > 0).ToDictionary();
        if (eligible.Count == 0)
            throw RuleViolation.Conflict("no-eligible-member", request.Budget == BudgetRule.ByShare
                ? "Nobody holds a share in this scope yet, so there is nothing to give budgets by."
                : "The network has no members to give budgets to.");
        var parts = LargestRemainder.Split(amount.AmountMinor, eligible);
        var budgets = parts.Select(p => new MemberBudget(p.Key, p.Value, eligible[p.Key])).ToList();
        // The split rule guarantees it; a ledger asserts it anyway.
        if (budgets.Sum(b => b.AmountMinor) != amount.AmountMinor || budgets.Any(b => b.AmountMinor < 0))
            throw new InvalidOperationException("Budgets must be non-negative and sum exactly to the round's amount.");
        var code = amount.Currency.Code;
        var opened = new RoundOpened(roundId, network.Id, request.ProjectId, pool.Id, request.Title, amount.AmountMinor,
            code, request.Budget, request.OpensAt, request.ClosesAt, request.CapPerBucketMinor,
            request.BucketsNeedApproval, budgets, openedBy, now);
        return (new RoundReserved(pool.Id, network.Id, request.ProjectId, roundId, amount.AmountMinor, code, openedBy,
            now),
            opened);
    }

    private static Instant Moment(string text, string field)
    {
        var parsed = InstantPattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
            throw RuleViolation.Invalid(field,
                $"'{field}' must be an instant such as 2026-12-31T00:00:00Z (got '{text}').");
        return parsed.Value;
    }
}
