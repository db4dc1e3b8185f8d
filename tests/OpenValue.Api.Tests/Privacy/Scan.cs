using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Privacy;

/// <summary>Every row of every table of the database searched for a text, as no_credential_at_rest does.</summary>
public static class Scan
{
    public static async Task<IReadOnlyList<string>> RowsHolding(AppFixture app, string text)
    {
        var tables = (await app.Scalar<string>("""
            select string_agg(quote_ident(table_schema) || '.' || quote_ident(table_name), ',')
              from information_schema.tables
             where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
            """))!.Split(',');
        var found = new List<string>();
        foreach (var table in tables)
            if (await app.Scalar<long>($"select count(*) from {table} t where strpos(t::text, $1) > 0", text) > 0)
                found.Add(table);
        return found;
    }
}
