using System.Runtime.CompilerServices;

namespace OpenValue.Web.Tests;

internal static class TestFramework
{
    /// <summary>
    /// Name the framework instead of letting FluentAssertions scan loaded assemblies for it: the scan reads
    /// every assembly's culture, and satellite assemblies (such as Roslyn's "pl" resources) throw under
    /// invariant globalization, replacing the real failure message with a CultureNotFoundException.
    /// </summary>
    [ModuleInitializer]
    internal static void UseXunit() => FluentAssertions.Common.Configuration.Current.TestFrameworkName = "xunit2";
}
