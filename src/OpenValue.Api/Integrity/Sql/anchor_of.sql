select sequence, events, head from SCHEMA.ov_chain_anchors where tenant_id = @tenant and distribution_id = @distribution;
