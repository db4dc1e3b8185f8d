using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

public sealed record RecordIncomeRequest(
    MoneyInput? Amount, string? Source, string? ReceivedOn, string? ProjectId = null, string? Note = null);

public sealed record IncomeRecordedResponse(Guid IncomeId, Guid PoolId, Guid? ProjectId, MoneyResponse Amount);

public static class RecordIncomeEndpoint
{
    /// <summary>
    /// Appends to the pool of the income's scope, checked against the version read like every pool write.
    /// </summary>
    [WolverinePost("/networks/{networkId}/income"), Allow(Role.Treasurer), Idempotent]
    [EndpointSummary("Record income")]
    [EndpointDescription("Into the pool of a project when it names one, else the network's own pool.")]
    [ProducesResponseType<IncomeRecordedResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Record(
        Guid networkId, RecordIncomeRequest body, HttpContext http, IDocumentSession session) =>
        Write.Idempotent(http, session, async now =>
        {
            var network = await NetworkLookup.NetworkOf(session, networkId, http.RequestAborted);
            var command = new RecordIncome(Guid.CreateVersion7(), body.Amount, body.Source, body.ProjectId,
                body.ReceivedOn, body.Note, http.Caller().MemberId);
            var income = Income.Decide(command, network, now.InUtc().Date, now);
            var pool = await PoolStreams.Fetch(session, income.PoolId, http.RequestAborted);
            PoolCapacity.Check(pool.Aggregate, income);
            pool.AppendOne(await new Privacy.PersonalFields(session, http.RequestAborted).Seal(income));
            return new Outcome(StatusCodes.Status201Created, $"/networks/{networkId}/income/{income.IncomeId}",
                new IncomeRecordedResponse(income.IncomeId, income.PoolId, income.ProjectId,
                    MoneyResponse.Of(income.AmountMinor, income.Currency)));
        });
}
