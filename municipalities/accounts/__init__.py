"""User accounts: sign-up, e-mail confirmation, login, settings, data export and deletion."""
