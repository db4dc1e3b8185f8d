select count(*) from SCHEMA.mt_events where tenant_id = @tenant and type <> 'tombstone';
