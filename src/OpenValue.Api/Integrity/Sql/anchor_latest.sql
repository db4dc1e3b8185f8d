-- The latest head a network recorded: a new one folds on from it instead of from the first event.
select sequence, events, head from SCHEMA.ov_chain_anchors where tenant_id = @tenant order by sequence desc, events desc limit 1;
