using Marten;
using Microsoft.AspNetCore.Http;
using Marten.Events.Aggregation;
using NodaTime;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks;

/// <summary>The network's name, currency and founding, for any of its members.</summary>
public sealed class NetworkView
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Currency { get; set; } = "";
    public Instant FoundedAt { get; set; }
    public int MemberCount { get; set; }
}

public sealed class NetworkViewProjection : SingleStreamProjection<NetworkView, Guid>
{
    public static NetworkView Create(NetworkFounded e) => new() { Id = e.NetworkId, Name = e.Name,
        Currency = e.Currency, FoundedAt = e.FoundedAt };

    public static void Apply(NetworkView view, MemberAdmitted _) => view.MemberCount++;
}

public sealed record NetworkResponse(Guid NetworkId, string Name, string Currency, Instant FoundedAt, int MemberCount);

public static class NetworkEndpoints
{
    [WolverineGet("/networks/{networkId}")]
    [EndpointSummary("Get the network")]
    [EndpointDescription("Its name, currency, founding instant and number of members.")]
    public static async Task<NetworkResponse> Get(Guid networkId, IQuerySession session, HttpContext http)
    {
        var view = await session.LoadAsync<NetworkView>(networkId, http.RequestAborted)
                   ?? throw new InvalidOperationException($"Network {networkId} has no view although its member was admitted.");
        return new NetworkResponse(view.Id, view.Name, view.Currency, view.FoundedAt, view.MemberCount);
    }
}
