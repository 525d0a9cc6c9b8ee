"""Licences an editor picks from: common SPDX identifiers of open-source and open-content licences.

The list is short on purpose; SPDX has hundreds. A solution imported with another identifier keeps
it, and the editor form offers that identifier as well (see solutions.editor.forms).
"""

from django.utils.translation import gettext_lazy as _

SPDX_LICENCES = [
    ("EUPL-1.2", "European Union Public Licence 1.2"),
    ("EUPL-1.1", "European Union Public Licence 1.1"),
    ("MIT", "MIT License"),
    ("Apache-2.0", "Apache License 2.0"),
    ("BSD-2-Clause", "BSD 2-Clause License"),
    ("BSD-3-Clause", "BSD 3-Clause License"),
    ("0BSD", "BSD Zero Clause License"),
    ("ISC", "ISC License"),
    ("MPL-2.0", "Mozilla Public License 2.0"),
    ("GPL-2.0-only", "GNU General Public License v2.0 only"),
    ("GPL-2.0-or-later", "GNU General Public License v2.0 or later"),
    ("GPL-3.0-only", "GNU General Public License v3.0 only"),
    ("GPL-3.0-or-later", "GNU General Public License v3.0 or later"),
    ("LGPL-2.1-only", "GNU Lesser General Public License v2.1 only"),
    ("LGPL-2.1-or-later", "GNU Lesser General Public License v2.1 or later"),
    ("LGPL-3.0-only", "GNU Lesser General Public License v3.0 only"),
    ("LGPL-3.0-or-later", "GNU Lesser General Public License v3.0 or later"),
    ("AGPL-3.0-only", "GNU Affero General Public License v3.0 only"),
    ("AGPL-3.0-or-later", "GNU Affero General Public License v3.0 or later"),
    ("EPL-2.0", "Eclipse Public License 2.0"),
    ("Artistic-2.0", "Artistic License 2.0"),
    ("BSL-1.0", "Boost Software License 1.0"),
    ("Zlib", "zlib License"),
    ("Unlicense", "The Unlicense"),
    ("CC0-1.0", "Creative Commons Zero v1.0 Universal"),
    ("CC-BY-4.0", "Creative Commons Attribution 4.0 International"),
    ("CC-BY-SA-4.0", "Creative Commons Attribution Share Alike 4.0 International"),
]
SPDX_IDS = {identifier for identifier, _name in SPDX_LICENCES}


def licence_choices(current: str = ""):
    """Choices for a licence select: none, the common list, and `current` if it is not on it."""
    choices = [("", _("No licence given")), *((i, f"{i} – {name}") for i, name in SPDX_LICENCES)]
    if current and current not in SPDX_IDS:
        choices.append((current, current))
    return choices
