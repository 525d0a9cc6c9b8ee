"""Asking peers for help: help requests, answers that point to solutions, accepting an answer."""
