using NodaTime;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Valuation;

// Value-equation events live on the network stream (stream id = network id). Their shapes are lists of small
// records with string kinds, decimals and enums rather than dictionaries, so they serialise plainly.

/// <summary>One kind's rule as stored: points = quantity × rate × multiplier.</summary>
public sealed record ValueRule(string Kind, ValueUnit Unit, decimal Rate, decimal Multiplier);

/// <summary>Rules that replace the network rule for the same kinds inside one project.</summary>
public sealed record ProjectValueRules(Guid ProjectId, IReadOnlyList<ValueRule> Rules);

/// <summary>A FairShares pool: the part of all value that goes to one stakeholder class.</summary>
public sealed record ClassWeight(StakeholderClass StakeholderClass, decimal Weight);

/// <summary>
/// A steward adopted the next version of the value equation. It applies to acceptances from
/// <c>AdoptedAt</c> on; it never changes, and it does not rewrite earlier acceptances (see
/// <see cref="ContributionsRevalued"/> for the explicit way to do that). <c>ProposalId</c>: the passed proposal
/// that adopted it (null when a steward adopted it directly, and in events stored before proposals existed).
/// </summary>
public sealed record ValueEquationAdopted(
    Guid NetworkId, int Version, IReadOnlyList<ValueRule> Rules, int? HalfLifeDays,
        IReadOnlyList<ClassWeight>? ClassWeights,
    IReadOnlyList<ProjectValueRules> ProjectOverrides, Guid AdoptedBy, Instant AdoptedAt, Guid? ProposalId = null);

/// <summary>
/// A steward re-valued the accepted contributions under <c>EquationVersion</c>; each changed contribution
/// got a <c>ContributionValueCorrected</c> in its own stream in the same transaction. Appending this to the
/// network stream on the version read makes two racing revaluations impossible (the loser gets 409).
/// </summary>
public sealed record ContributionsRevalued(
    Guid NetworkId, int EquationVersion, string Reason, int CorrectedCount, Guid RevaluedBy, Instant RevaluedAt);
