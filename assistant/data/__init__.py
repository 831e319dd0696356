"""The data folder: where it is, atomic documents, the writers' lock, backups."""
