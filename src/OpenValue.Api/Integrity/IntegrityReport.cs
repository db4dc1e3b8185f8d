namespace OpenValue.Api.Integrity;

/// <summary>
/// One thing that differs. <c>Kind</c> is <c>event</c> (the chain), <c>anchor</c> (a recorded chain head),
/// <c>document</c> (a stored read model or write model) or <c>ledger</c> (the points ledger's tables);
/// <c>What</c> says what differs, in a sentence, without any payload.
/// </summary>
public sealed record IntegrityBreak(string Kind, string What, Guid? StreamId = null, long? Version = null, long? Sequence = null,
    string? Document = null);

/// <summary>The network's chain head: the fold of every event hash in sequence order up to <c>Sequence</c>.</summary>
public sealed record ChainHead(long Sequence, long Events, string Hash);

public sealed record IntegrityReport(Guid NetworkId, bool Intact, ChainHead Head, long EventsChecked, int AnchorsChecked,
    int DocumentsChecked, int LedgerRowsChecked, IntegrityBreak? FirstBreak, IReadOnlyList<IntegrityBreak> Breaks);

/// <summary>Where a long check has got to, for the command line's progress lines.</summary>
public sealed record IntegrityProgress(string Step, long Done, long? Total);
