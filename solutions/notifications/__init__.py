"""Follows and notifications: who hears of what, in the site and by e-mail. A Django app (label
`notifications`) at the top: it reads every other app and none reads it."""
