using JasperFx.Events.Projections;
using Marten;

namespace OpenValue.Api.Shares;

/// <summary>The shares module's Marten registration: the points ledger's tables and its inline projection.</summary>
public static class Configuration
{
    public static void Configure(StoreOptions options)
    {
        options.Storage.ExtendedSchemaObjects.AddRange(PointsLedgerSchema.Objects(options.DatabaseSchemaName));
        options.Projections.Add(new PointsLedgerProjection(options.DatabaseSchemaName), ProjectionLifecycle.Inline);
    }
}
