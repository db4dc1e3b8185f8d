using Marten;
using OpenValue.Domain.Valuation;

namespace OpenValue.Api.Valuation;

/// <summary>The adopted versions as members read them, for the value-equation read routes.</summary>
public static class AdoptedVersions
{
    /// <summary>
    /// The network's adoption events and nothing else of its stream: the session's tenant is the network, and
    /// the event-type index finds them without reading the admissions and role changes around them.
    /// </summary>
    public static IQueryable<ValueEquationAdopted> Of(IQuerySession session) =>
        session.Events.QueryRawEventDataOnly<ValueEquationAdopted>();
}
