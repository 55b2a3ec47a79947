"""Storage: SQLAlchemy models, the queries the rest of the code needs, and opening a database."""
