"""The coordinators' side of publishing: the moderation queue, the review page and decision history."""
