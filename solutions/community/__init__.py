"""Community around the catalogue: comments and reports, help requests and answers, and reuse
("we use this", contact persons). A Django app (label `community`) above the catalogue."""
