//! The schema-11 collection as Anki's legacy exporter writes it: the tables
//! (`schema11.sql`), and the JSON of the note types, decks and settings kept in the `col`
//! row. Only what Anki needs to import a deck is written; Anki fills in the rest.

use serde_json::{Value, json};

/// The tables and indexes of a schema-11 collection.
pub const SCHEMA_11: &str = include_str!("schema11.sql");

/// A note type written: its fields and its one template.
pub struct NoteKind {
    pub label: &'static str,
    pub name: &'static str,
    pub cloze: bool,
    pub fields: [&'static str; 2],
    pub question: &'static str,
    pub answer: &'static str,
    /// Anki's own number for its stock note types, so Anki knows them for what they are.
    pub stock: i64,
}

pub const BASIC: NoteKind = NoteKind {
    label: "basic",
    name: "Basic",
    cloze: false,
    fields: ["Front", "Back"],
    question: "{{Front}}",
    answer: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}",
    stock: 1,
};

pub const TYPED: NoteKind = NoteKind {
    label: "typed",
    name: "Basic (type in the answer)",
    cloze: false,
    fields: ["Front", "Back"],
    question: "{{Front}}\n\n{{type:Back}}",
    answer: "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}",
    stock: 4,
};

pub const CLOZE: NoteKind = NoteKind {
    label: "cloze",
    name: "Cloze",
    cloze: true,
    fields: ["Text", "Back Extra"],
    question: "{{cloze:Text}}",
    answer: "{{cloze:Text}}<br>\n{{Back Extra}}",
    stock: 5,
};

const CSS: &str = ".card {\n    font-family: arial;\n    font-size: 20px;\n    line-height: 1.5;\n    text-align: center;\n    color: black;\n    background-color: white;\n}\n.cloze {\n    font-weight: bold;\n    color: blue;\n}\n";

/// A note type's JSON, under `id`, its new cards going to `deck`.
pub fn model(kind: &NoteKind, id: i64, deck: i64, modified: i64) -> Value {
    let fields: Vec<Value> = kind
        .fields
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({"name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial",
                   "size": 20, "media": []})
        })
        .collect();
    json!({
        "id": id,
        "name": kind.name,
        "type": if kind.cloze { 1 } else { 0 },
        "mod": modified,
        "usn": -1,
        "sortf": 0,
        "did": deck,
        "tmpls": [{
            "name": if kind.cloze { "Cloze" } else { "Card 1" },
            "ord": 0,
            "qfmt": kind.question,
            "afmt": kind.answer,
            "bqfmt": "",
            "bafmt": "",
            "did": null,
            "bfont": "",
            "bsize": 0,
        }],
        "flds": fields,
        "css": CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "latexsvg": false,
        "req": [[0, "any", [0]]],
        "tags": [],
        "vers": [],
        "originalStockKind": kind.stock,
    })
}

/// A deck's JSON.
pub fn deck(id: i64, name: &str, modified: i64) -> Value {
    json!({
        "id": id,
        "name": name,
        "mod": modified,
        "usn": -1,
        "lrnToday": [0, 0],
        "revToday": [0, 0],
        "newToday": [0, 0],
        "timeToday": [0, 0],
        "collapsed": false,
        "browserCollapsed": false,
        "desc": "",
        "dyn": 0,
        "conf": 1,
        "extendNew": 0,
        "extendRev": 0,
    })
}

/// The collection's settings: the current note type and deck.
pub fn conf(note_type: i64, deck: i64) -> Value {
    json!({
        "curModel": note_type,
        "curDeck": deck,
        "activeDecks": [deck],
        "nextPos": 1,
        "schedVer": 2,
        "sortType": "noteFld",
        "sortBackwards": false,
        "addToCur": true,
        "newSpread": 0,
        "collapseTime": 1200,
        "timeLim": 0,
        "estTimes": true,
        "dueCounts": true,
        "dayLearnFirst": false,
    })
}

/// The default options group every deck refers to (`conf: 1`).
pub fn deck_config() -> Value {
    json!({"1": {
        "id": 1, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": true,
        "timer": 0, "replayq": true, "dyn": false,
        "new": {"bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0],
                "order": 1, "perDay": 20},
        "rev": {"bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200,
                "hardFactor": 1.2},
        "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1,
                  "mult": 0.0},
    }})
}
