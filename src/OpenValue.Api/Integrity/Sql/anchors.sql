-- Every chain head a network's distributions recorded, oldest first.
select distribution_id, sequence, events, head from SCHEMA.ov_chain_anchors where tenant_id = @tenant order by sequence, distribution_id;
