-- Nothing on PostgreSQL: its quarter-hour rollups have had their slot index since 0002. SQLite's
-- 0007 adds the same, and both engines must hold the same versions (src/store/migrations).
SELECT 1;
