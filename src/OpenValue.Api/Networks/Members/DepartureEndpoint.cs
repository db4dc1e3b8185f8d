using Marten;
using OpenValue.Api.Networks;
using OpenValue.Api.Infrastructure;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Contributions;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks.Members;

public sealed record DepartureRequest(string? On, string? Terms, string? Reason);

public static class DepartureEndpoint
{
    /// <summary>
    /// Appends the departure to the network stream and a forfeiture to each contribution the leaver terms do not
    /// keep, in one transaction. Every stream is appended on the version read: a review, revocation or
    /// re-valuation racing with the departure makes one of the two fail with 409, so no points are lost twice.
    /// </summary>
    [WolverinePost("/networks/{networkId}/members/{memberId}/departure")]
    [EndpointSummary("Record a member leaving or being removed")]
    [EndpointDescription(
        "By a steward, or the member themself (who may choose only the bad-leaver terms). From the start of 'on' " +
        "(an ISO date, not before the member was admitted, not in the future) the network's leaver terms apply: " +
        "by default a good leaver keeps every point, a bad leaver only those of cash and expense contributions. " +
        "The departed member stays listed and is paid what their kept points earn, but can no longer sign in " +
        "or act. Departing twice, or the last steward leaving, is 409.")]
    [ProducesResponseType<MemberResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public static Task<MemberResponse> Depart(
        Guid networkId, Guid memberId, DepartureRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, now => Decide(networkId, memberId, body, http, session, now),
            () => MemberResponse.Reloaded(session, memberId, http.RequestAborted));

    private static async Task Decide(
        Guid networkId, Guid memberId, DepartureRequest body, HttpContext http, IDocumentSession session, Instant now)
    {
        var caller = http.Caller();
        var cancellation = http.RequestAborted;
        var network = await NetworkLookup.FetchForWriting(session, networkId, cancellation);
        var member = await session.LoadAsync<MemberView>(memberId, cancellation);
        var accepted = await session.Query<ContributionView>()
            .Where(v => v.MemberId == memberId && v.Status == ContributionStatus.Accepted)
            .ToListAsync(cancellation);
        // The decision reads each contribution's own stream (forfeited or not, its points now), locked to its version.
        var streams = new Dictionary<Guid, IEventStream<Contribution>>();
        foreach (var id in accepted.Select(v => v.Id).Order())
            streams[id] = await session.Events.FetchForWriting<Contribution>(id, cancellation);

        var command = new DepartMember(memberId, body.On, body.Terms, body.Reason, caller.MemberId,
            caller.Holds(Role.Steward));
        var events = Leaving.Decide(command, network.Aggregate!, member?.ToMember(),
            [.. streams.Values.Select(s => s.Aggregate!)], now);
        foreach (var e in await new Privacy.PersonalFields(session, cancellation).Seal(events))
            if (e is ContributionForfeited forfeited)
                streams[forfeited.ContributionId].AppendOne(forfeited);
            else
                network.AppendOne(e);
    }
}
