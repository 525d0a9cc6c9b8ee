"""The read side of the Open Catalog API (publiccodeyml/open-catalog-api) under /oca/v1/.

Software is published solutions with a source code repository, with the publiccode.yml the export
produces; publishers are organisations with their code hosting locations (the repositories they
registered for harvesting, and the repositories of their published software); logs are the
harvesting results. Ids are the objects' UUIDs; a publisher can also be addressed by its
alternativeId, the municipality's official code. This instance is read-only: writes are answered
401, as the description says for a request without a valid token.

Kuntajako's own addition: GET /software/{id}/usedBy lists the organisations that report using or
piloting the software (verified members of those organisations mark it), with their official codes.
"""
