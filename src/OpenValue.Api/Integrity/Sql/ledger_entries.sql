-- The points ledger's entries of one network (PointsLedgerSchema), to compare with the events' entries.
select seq, contribution_id, member_id, project_id, kind, points, at, accepted_at
  from SCHEMA.ov_points_entries where tenant_id = @tenant order by seq;
