-- Nothing yet on SQLite: PostgreSQL's 0006 (weeks for charts, no day rollups) needs no change
-- here, and both engines must hold the same versions (src/store/migrations). SQLite's own
-- lighter recording replaces this file while 0006 is unreleased.
SELECT 1;
