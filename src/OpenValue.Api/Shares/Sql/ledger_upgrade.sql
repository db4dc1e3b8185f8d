-- Moves a database of the ledger's first layout to the current one (ov_points_upgrade.sql); on an upgraded or
-- new database, one catalogue lookup.
select SCHEMA.ov_points_upgrade()
