-- One recorded chain head (ChainAnchors.Record), queued in the proposal's session: no trailing semicolon (Marten batches it).
insert into SCHEMA.ov_chain_anchors (tenant_id, distribution_id, sequence, events, head) values (?, ?, ?, ?, ?)
