-- Nothing on SQLite: its week rollups keep each channel apart and are listed most played first
-- within each week and channel (0002, 0006), which bound one channel's charts already. PostgreSQL's
-- 0010 lists its 30-day rollups so, and both engines must hold the same versions
-- (src/store/migrations).
SELECT 1;
