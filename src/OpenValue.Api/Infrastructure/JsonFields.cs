using System.Reflection;
using System.Text.RegularExpressions;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// Names a request field as clients write it, and says what kind of JSON value it takes, without .NET type names.
/// </summary>
public static partial class JsonFields
{
    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex BracketedName();

    /// <summary>
    /// "$.amount.amount" is "amount.amount", "$.roles[0]" is "roles[0]", "$['rules']['work']" is "rules.work".
    /// </summary>
    public static string FromPath(string? path)
    {
        var field = BracketedName().Replace(path ?? "$", ".$1").TrimStart('$').TrimStart('.');
        return field.Length == 0 ? "body" : field;
    }

    /// <summary>
    /// What the field named by <paramref name="field"/> in a body of <paramref name="type"/> expects.
    /// </summary>
    public static string Expected(Type type, string field)
    {
        var target = TypeAt(type, field);
        return target switch
        {
            null => "has a value of the wrong JSON type",
            _ when target == typeof(string) =>
                "must be a JSON string (exact numbers such as amounts, quantities and rates are written as strings: " +
                "\"12.50\")",
            _ when target == typeof(Guid) => "must be a UUID written as a string",
            _ when target == typeof(bool) => "must be true or false",
            _ when target == typeof(int) || target == typeof(long) => "must be a whole number",
            _ when target.IsAssignableTo(typeof(System.Collections.IDictionary))
                   || IsGenericOf(target, typeof(IReadOnlyDictionary<,>)) =>
                "must be a JSON object",
            _ when target.IsArray || IsGenericOf(target, typeof(IEnumerable<>)) =>
                "must be a JSON array",
            _ => "must be a JSON object",
        };
    }

    private static Type? TypeAt(Type type, string field)
    {
        Type? current = type;
        foreach (var part in Regex.Split(field, @"\.|(?=\[)"))
        {
            if (current is null || part.Length == 0)
                continue;
            current = Nullable.GetUnderlyingType(current) ?? current;
            if (part.StartsWith('['))
                current = ElementOf(current);
            else if (current.IsGenericType && current.GetGenericArguments().Length == 2)
                current = current.GetGenericArguments()[1];
            else
                current = current.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                    ?.PropertyType;
        }
        return current is null ? null : Nullable.GetUnderlyingType(current) ?? current;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments()[0] : null;

    private static bool IsGenericOf(Type type, Type definition) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == definition
            || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition));
}
