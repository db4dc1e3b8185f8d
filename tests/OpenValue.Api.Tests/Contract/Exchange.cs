namespace OpenValue.Api.Tests.Contract;

/// <summary>One request a test made and the response it got, as the server sent it.</summary>
public sealed record Exchange(string Method, string Path, string? RequestContentType, string? RequestBody, int Status, string? ContentType, string Body);
