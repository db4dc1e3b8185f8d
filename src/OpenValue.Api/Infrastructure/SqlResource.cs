using System.Reflection;

namespace OpenValue.Api.Infrastructure;

/// <summary>SQL kept as embedded .sql files; <c>SCHEMA</c> in them stands for the store's schema name.</summary>
internal static class SqlResource
{
    public static string Load(string name, string schema)
    {
        var assembly = typeof(SqlResource).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name,
            StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("SCHEMA", Quoted(schema), StringComparison.Ordinal);
    }

    /// <summary>
    /// The file without its header comment (the leading lines that start with <c>--</c>): what a statement sends
    /// or what Weasel compares with the database, while the file keeps saying why.
    /// </summary>
    public static string Statement(string name, string schema) =>
        string.Join('\n', Load(name, schema).Split('\n').SkipWhile(line => line.StartsWith("--",
            StringComparison.Ordinal)));

    /// <summary>A schema name is configuration, never user input; still, only plain identifiers are accepted.</summary>
    private static string Quoted(string schema) =>
        schema.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            ? schema
            : throw new ArgumentException($"Schema name '{schema}' is not a plain lower-case identifier.",
                nameof(schema));
}
