"""Demo content for ``manage.py seed_demo``.

``projects`` holds real open-source projects of Finnish municipalities (facts from their
repositories, descriptions written for the catalogue); ``written`` holds examples written the way a
municipal author would: process descriptions, APIs, integrations, practices and experience reports.
``seeding.seed()`` writes both into the database, updating in place by slug.
"""
