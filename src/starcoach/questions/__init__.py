"""The question bank, the user's imported guides, the guide importer and the stories checklist."""
