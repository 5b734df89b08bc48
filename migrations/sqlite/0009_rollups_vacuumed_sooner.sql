-- Nothing on SQLite: it keeps no visibility map, so its index-only reads never go back to the
-- table, and it has no autovacuum to tune. PostgreSQL's 0009 vacuums the rollups sooner, and both
-- engines must hold the same versions (src/store/migrations).
SELECT 1;
