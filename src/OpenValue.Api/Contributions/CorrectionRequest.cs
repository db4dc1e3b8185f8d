namespace OpenValue.Api.Contributions;

/// <summary>A revocation or an appeal: a compensating event on the contribution's stream, with its reason.</summary>
public sealed record CorrectionRequest(string? Reason);
