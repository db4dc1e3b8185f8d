using System.Reflection;
using JasperFx.CodeGeneration;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// Whether this build carries Wolverine's generated handler code. The production build (<c>./openvalue.sh
/// build</c>, the Dockerfile) writes it from the current sources with <c>codegen write</c> into the git-ignored
/// <c>Internal/Generated</c> and compiles it in (<c>OpenValueGeneratedCode=Static</c>, which refuses code written
/// from other sources); the app then loads it and never compiles at start. Every other build (tests, a plain
/// <c>dotnet build</c>) leaves the folder out and compiles the handlers at runtime.
/// </summary>
internal static class GeneratedCode
{
    public static bool BuiltIn { get; } = typeof(GeneratedCode).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Any(a => a is { Key: "OpenValue.GeneratedCode", Value: "Static" });

    public static TypeLoadMode Mode => BuiltIn ? TypeLoadMode.Static : TypeLoadMode.Dynamic;
}
