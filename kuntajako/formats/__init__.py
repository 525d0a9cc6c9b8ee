"""Date formats as Finland writes them in each of the portal's languages (FORMAT_MODULE_PATH).

Django's English defaults are American (11/22/2026) and its Swedish ones Swedish (2026-11-22); in
Finland both languages write 22.11.2026, so the English and Swedish pages do too.
"""
