-- Nothing on SQLite: its slot index has been led by the channel since 0007; PostgreSQL's 0008
-- makes its own so. Both engines must hold the same versions (src/store/migrations).
SELECT 1;
