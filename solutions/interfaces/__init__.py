"""Open interfaces of the catalogue: the read and write API, organisations' API tokens, feeds and exports.

The app sits above the community (it reads adoptions and help requests) and below notifications.
It changes no state of its own concepts except API tokens: writes through the API call the
catalogue's publishing services, which ask municipalities.permissions like every other caller.
"""
