using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using static OpenValue.Api.Tests.Integrity.Tampering;

namespace OpenValue.Api.Tests.Integrity;

/// <summary>
/// GET /networks/{n}/integrity on an untouched network, then after each kind of change made directly in the
/// database: it names the first stream and version (or document) that differs and says what differs.
/// </summary>
[Collection(AppCollection.Name)]
public class verifying_the_chain(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task an_untouched_network_is_intact_and_every_event_is_checked()
    {
        var n = await api.Ledgered();
        var report = await api.Integrity(n.Network);
        report.Intact.Should().BeTrue(report.FirstBreak?.What);
        report.Breaks.Should().BeEmpty();
        report.EventsChecked.Should().Be(await app.EventCount(n.Network.NetworkId));
        report.Head.Events.Should().Be(report.EventsChecked);
        report.Head.Hash.Should().MatchRegex("^[0-9a-f]{64}$");
        report.AnchorsChecked.Should().Be(2);
        report.DocumentsChecked.Should().BeGreaterThan(5);
        report.LedgerRowsChecked.Should().Be(3);
    }

    [Fact]
    public async Task changed_event_data_is_named_by_stream_and_version()
    {
        var n = await api.Ledgered();
        await Sql("update openvalue.mt_events set data = jsonb_set(data, '{amountMinor}', '1000000') " +
                  "where tenant_id = $1 and stream_id = $2 and version = 1", n.Tenant, n.Pool);
        (await api.Integrity(n.Network)).ShouldNameFirst("event", n.Pool, 1, "no longer match its hash");
    }

    [Fact]
    public async Task a_changed_event_type_is_named()
    {
        var n = await api.Ledgered();
        await Sql("update openvalue.mt_events set type = 'distribution_released' where tenant_id = $1 and stream_id = $2 and version = 1",
            n.Tenant, n.Pool);
        (await api.Integrity(n.Network)).ShouldNameFirst("event", n.Pool, 1, "type, time or data");
    }

    [Fact]
    public async Task a_changed_timestamp_is_named()
    {
        var n = await api.Ledgered();
        await Sql("update openvalue.mt_events set timestamp = timestamp - interval '1 hour' where tenant_id = $1 and stream_id = $2 and version = 2",
            n.Tenant, n.Pool);
        (await api.Integrity(n.Network)).ShouldNameFirst("event", n.Pool, 2, "no longer match its hash");
    }

    [Fact]
    public async Task a_deleted_event_is_named()
    {
        var n = await api.Ledgered();
        await Sql("delete from openvalue.mt_events where tenant_id = $1 and stream_id = $2 and version = 1", n.Tenant, n.Pool);
        var report = await api.Integrity(n.Network);
        report.ShouldNameFirst("event", n.Pool, 1, "deleted");
        report.Breaks.Should().Contain(b => b.Kind == "anchor" && b.StreamId == n.Paid, "the first distribution's head covered it");
        report.Breaks.Should().Contain(b => b.Document == $"Pool {n.Pool}" && b.What == "incomeMinor: stored 10000, from the events 0.");
    }

    [Fact]
    public async Task an_event_deleted_with_its_hash_breaks_the_link_of_the_next()
    {
        var n = await api.Ledgered();
        const string first = "where tenant_id = $1 and stream_id = $2 and version = 1";
        await Sql($"delete from openvalue.mt_events {first};\ndelete from openvalue.ov_event_hashes {first}", n.Tenant, n.Pool);
        (await api.Integrity(n.Network)).ShouldNameFirst("event", n.Pool, 2, "before this one in its stream is gone");
    }

    [Fact]
    public async Task a_forged_event_inserted_at_a_streams_end_is_caught_by_its_stream_and_its_documents()
    {
        var n = await api.Ledgered();
        await Sql("""
            insert into openvalue.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived)
            select nextval('openvalue.mt_events_sequence'), gen_random_uuid(), stream_id, 4, jsonb_set(data, '{amountMinor}', '90000000'),
                   type, now(), tenant_id, mt_dotnet_type, false
              from openvalue.mt_events where tenant_id = $1 and stream_id = $2 and version = 1
            """, n.Tenant, n.Pool);
        var report = await api.Integrity(n.Network);
        report.ShouldNameFirst("event", n.Pool, what: "recorded version");
        report.Breaks.Should().Contain(b => b.Kind == "document" && b.Document == $"Pool {n.Pool}" && b.What.StartsWith("incomeMinor"));
    }

    [Fact]
    public async Task a_forged_event_hidden_from_the_chain_keeper_has_no_hash()
    {
        var n = await api.Ledgered();
        await Sql("""
            insert into openvalue.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived)
            select nextval('openvalue.mt_events_sequence'), gen_random_uuid(), stream_id, 4, data, type, now(), tenant_id, mt_dotnet_type, false
              from openvalue.mt_events where tenant_id = $1 and stream_id = $2 and version = 1;
            update openvalue.mt_streams set version = 4 where tenant_id = $1 and id = $2;
            update openvalue.ov_chain_progress set chained_through = currval('openvalue.mt_events_sequence')
            """, n.Tenant, n.Pool);
        (await api.Integrity(n.Network)).ShouldNameFirst("event", n.Pool, 4, "no hash");
    }

    [Fact]
    public async Task a_truncated_stream_tail_is_named_and_breaks_the_head_recorded_after_it()
    {
        var n = await api.Ledgered();
        const string tail = "where tenant_id = $1 and stream_id = $2 and version = 2";
        await Sql($"delete from openvalue.mt_events {tail};\ndelete from openvalue.ov_event_hashes {tail}", n.Tenant, n.Paid);
        var report = await api.Integrity(n.Network);
        report.ShouldNameFirst("event", n.Paid, what: "recorded version");
        report.Breaks.Should().Contain(b => b.Kind == "anchor" && b.StreamId == n.Proposed);
        report.Breaks.Should().Contain(b => b.Document == $"Distribution {n.Paid}");
    }

    [Fact]
    public async Task an_edited_document_is_named_with_what_differs()
    {
        var n = await api.Ledgered();
        await Sql("update openvalue.mt_doc_pool set data = jsonb_set(data, '{incomeMinor}', '100010000') where tenant_id = $1 and id = $2",
            n.Tenant, n.Pool);
        (await api.Integrity(n.Network)).ShouldNameFirst("document", n.Pool, what: "incomeMinor: stored 100010000, from the events 10000");
    }

    [Fact]
    public async Task an_edited_ledger_row_is_named()
    {
        var n = await api.Ledgered();
        await Sql("update openvalue.ov_points_entries set points = points * 100 where tenant_id = $1 " +
                  "and seq = (select min(seq) from openvalue.ov_points_entries where tenant_id = $1)", n.Tenant);
        var report = await api.Integrity(n.Network);
        report.FirstBreak!.Kind.Should().Be("ledger");
        report.Breaks.Should().Contain(b => b.Document == "ov_points_entries" && b.What.Contains("differs from its event"));
        report.Breaks.Should().Contain(b => b.Document == "ov_points_totals");
    }
}
