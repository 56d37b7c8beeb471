"""Imports a package written by studyhall into a fresh collection of the real Anki, twice,
and exports the collection back as a package: tests/anki/main.rs runs it with the Python of a
venv holding `anki` (STUDYHALL_ANKI_PYTHON), then reads the package Anki wrote.

    import_check.py PACKAGE OUT_PACKAGE

Prints one JSON line: the notes after the first import, per note type, and the second
import's log counts. Exits non-zero when Anki refuses the package or the second import adds
notes (studyhall's GUIDs must make it an update).
"""

import json
import os
import sys
import tempfile

from anki.collection import (
    Collection,
    DeckIdLimit,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

package, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
work = tempfile.mkdtemp()
col = Collection(os.path.join(work, "collection.anki2"))


def import_package():
    request = ImportAnkiPackageRequest(
        package_path=package,
        options=ImportAnkiPackageOptions(with_scheduling=False, merge_notetypes=True),
    )
    return col.import_anki_package(request).log


first = import_package()
per_type = {}
for note_id in col.find_notes(""):
    note = col.get_note(note_id)
    # A collection that already has a "Basic" of another id names the imported one "Basic+".
    name = note.note_type()["name"].rstrip("+")
    per_type[name] = per_type.get(name, 0) + 1
second = import_package()
report = {
    "notes": col.note_count(),
    "cards": col.card_count(),
    "per_note_type": per_type,
    "first_new": len(first.new),
    "second_new": len(second.new),
    "second_updated": len(second.updated),
    "second_duplicate": len(second.duplicate),
}
print(json.dumps(report, sort_keys=True))
if len(second.new) != 0:
    sys.exit("the second import added notes: the GUIDs did not match")

deck = max(
    (d for d in col.decks.all_names_and_ids() if d.name != "Default"),
    key=lambda d: col.decks.card_count(d.id, include_subdecks=True),
)
col.export_anki_package(
    out_path=out,
    options=ExportAnkiPackageOptions(
        with_scheduling=False, with_deck_configs=False, with_media=False, legacy=False
    ),
    limit=DeckIdLimit(deck.id),
)
col.close()
