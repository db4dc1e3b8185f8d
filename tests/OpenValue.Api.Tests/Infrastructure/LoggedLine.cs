using Microsoft.Extensions.Logging;

namespace OpenValue.Api.Tests.Infrastructure;

/// <summary>One line the app logged: its level, category and the message as it would be written.</summary>
public sealed record LoggedLine(LogLevel Level, string Category, string Message);
