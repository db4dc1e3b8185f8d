namespace OpenValue.Api.Tests.Infrastructure;

/// <summary>A member a test admitted: their id and token.</summary>
public sealed record Member(Guid MemberId, string Token);
