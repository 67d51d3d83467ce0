"""SQLite state kept between runs: editors' decisions on findings (mtcheck review) and the history of runs
(--history). One schema with versioned migrations (db.py); both live in one file or two, as configured."""
