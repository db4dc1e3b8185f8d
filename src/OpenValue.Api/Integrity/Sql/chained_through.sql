-- How far the chain keeper has come (chain.sql): every event up to here is hashed, so a chain head folded up to
-- here never misses an event that commits later with a lower sequence.
select coalesce((select chained_through from SCHEMA.ov_chain_progress where id = 1), 0);
