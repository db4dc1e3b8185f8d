using Marten;
using Marten.Services;
using Npgsql;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// Marten's default logger writes every failed command at Error with its SQL and parameters: a lost race
/// (an expected 409) became an error line holding event payloads and ids. The failure still reaches the
/// caller as an exception, where a refusal or race is answered as a problem and anything unexpected is
/// logged once by <see cref="ProblemsMiddleware"/>, without payloads. So nothing is logged here.
/// </summary>
public sealed class QuietMartenLogger : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) { }

    public void LogSuccess(NpgsqlCommand command) { }

    public void LogFailure(NpgsqlCommand command, Exception ex) { }

    public void LogSuccess(NpgsqlBatch batch) { }

    public void LogFailure(NpgsqlBatch batch, Exception ex) { }

    public void LogFailure(Exception ex, string message) { }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    public void OnBeforeExecute(NpgsqlCommand command) { }

    public void OnBeforeExecute(NpgsqlBatch batch) { }
}
