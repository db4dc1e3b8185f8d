-- Records one grant or correction (ov_points_record.sql), queued in the projection's unit of work. Marten's
-- positional placeholders: tenant, the event's sequence, contribution, member, project (the empty uuid: none),
-- kind, points, the instant it counts from, the instant its points decay from.
select SCHEMA.ov_points_record(?, ?, ?, ?, ?, ?, ?, ?, ?)
