using OpenValue.Domain.Budgeting;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain;

/// <summary>
/// Which event types each kind of stream holds. A fold of one kind of stream (its write model's pure Evolve)
/// declares these, so the projection daemon hands it only those events: a rebuild of the network write model
/// otherwise reads and deserialises every contribution event in the store, once per such projection. Every
/// event type belongs to exactly one kind (a test holds this against every event type the domain declares).
/// </summary>
public static class StreamEvents
{
    /// <summary>The network stream (id = network id): membership, projects, policies, value equations.</summary>
    public static readonly IReadOnlyList<Type> Network =
    [
        typeof(NetworkFounded), typeof(MemberAdmitted), typeof(MemberRoleGranted), typeof(MemberRoleRevoked),
            typeof(MemberTokenReissued), typeof(MemberInvitationIssued),
        typeof(MemberRenamed), typeof(MemberClassChanged),
        typeof(MemberDeparted),
        typeof(MemberPayoutDetailsSet), typeof(MemberErased),
        typeof(ProjectOpened), typeof(ReviewPolicySet), typeof(TreasuryPolicySet), typeof(ValueEquationAdopted),
            typeof(ContributionsRevalued),
        typeof(GovernancePolicySet),
        typeof(MemberAccessRecovered),
    ];

    /// <summary>A contribution's stream (id = contribution id): the claim and its review.</summary>
    public static readonly IReadOnlyList<Type> Contribution =
    [
        typeof(ContributionSubmitted), typeof(ContributionAmended), typeof(ContributionWithdrawn),
            typeof(ContributionReviewed),
        typeof(ContributionAccepted), typeof(ContributionValueCorrected), typeof(ContributionRejected),
        typeof(ContributionAcceptanceRevoked), typeof(ContributionAppealed), typeof(ContributionRevocationRequested),
        typeof(ContributionForfeited),
    ];

    /// <summary>
    /// A pool's stream (one per scope, id from DerivedIds): income in, money set aside and given back.
    /// </summary>
    public static readonly IReadOnlyList<Type> Pool =
        [
            typeof(IncomeRecorded), typeof(DistributionReserved), typeof(DistributionReleased), typeof(PayoutReturned),
            typeof(IncomeReversed), typeof(PayoutRedrawn),
            typeof(RoundReserved), typeof(RoundSettled),
        ];

    /// <summary>A distribution's stream (id = distribution id): proposal, approval or cancellation, payouts.</summary>
    public static readonly IReadOnlyList<Type> Distribution =
        [
            typeof(DistributionProposed), typeof(DistributionApproved), typeof(DistributionCancelled),
            typeof(PayoutsIssued), typeof(PayoutReversed), typeof(PayoutReissued),
        ];

    /// <summary>A proposal's stream (id = proposal id): the proposal, the positions on it, its outcome.</summary>
    public static readonly IReadOnlyList<Type> Proposal =
        [typeof(ProposalMade), typeof(PositionStated), typeof(ProposalPassed), typeof(ProposalFailed),
            typeof(ProposalWithdrawn)];

    /// <summary>A co-budgeting round's stream (id = round id): its opening, buckets, funding and closing.</summary>
    public static readonly IReadOnlyList<Type> Round =
        [
            typeof(RoundOpened), typeof(BucketProposed), typeof(BucketApproved), typeof(BucketCancelled),
            typeof(BucketFunded), typeof(RoundClosed),
        ];

    public static IEnumerable<Type> All =>
        [.. Network, .. Contribution, .. Pool, .. Distribution, .. Proposal, .. Round];
}
