# Set by manage.py for commands that only read and write the project's code (see CODE_ONLY_COMMANDS
# there): they never sign, serve or mail anything, so the settings let them run without a SECRET_KEY.
code_only_command = False
