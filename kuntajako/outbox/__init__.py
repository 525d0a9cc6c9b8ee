"""The mail outbox: every outgoing mail is a row written with the change that causes it, and a
worker sends each row once (see `kuntajako.outbox.services.delivery`)."""
