namespace OpenValue.Web.Tests.Infrastructure;

public static class Repository
{
    /// <summary>The clone's root: the first folder above the test binaries that holds OpenValue.sln.</summary>
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    public static string WebApp => Path.Combine(Root, "src", "OpenValue.Web");

    private static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpenValue.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No OpenValue.sln above {start}.");
    }
}
