namespace OpenValue.Api.Tests.Infrastructure;

/// <summary>A network a test founded: its id, and its founder's member id and token.</summary>
public sealed record FoundedNetwork(Guid NetworkId, Guid MemberId, string Token);
