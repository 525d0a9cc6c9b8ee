"""Domain events: what happened, recorded with the change, handled after it is committed.

See `kuntajako.events.bus` for how a service records an event and how handlers subscribe.
"""
