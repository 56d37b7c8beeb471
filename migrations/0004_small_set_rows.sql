-- 0004: a set's row, read on every study page, stays small and carries its live-card count.
--
-- The text of the imported file moves to a table of its own. SQLite stores a row's columns in
-- order, and owner_id and visibility (added by 0002) came after file_text: reading them walked
-- the file text's overflow pages, a page per 4 KiB of the file, on every visibility check.
CREATE TABLE set_files (
    set_id    INTEGER PRIMARY KEY REFERENCES sets (id) ON DELETE CASCADE,
    file_text TEXT    NOT NULL
) STRICT;

INSERT INTO set_files (set_id, file_text) SELECT id, file_text FROM sets;

ALTER TABLE sets DROP COLUMN file_text;

-- Each set keeps the number of its live (not retired) cards, so that the study page and the
-- set lists read one column instead of counting the set's cards on every request. The
-- triggers keep it right whoever writes to cards: an import inserts, updates and retires them.
ALTER TABLE sets ADD COLUMN live_cards INTEGER NOT NULL DEFAULT 0 CHECK (live_cards >= 0);

UPDATE sets SET live_cards =
    (SELECT count(*) FROM cards WHERE cards.set_id = sets.id AND cards.retired = 0);

CREATE TRIGGER cards_count_inserted AFTER INSERT ON cards WHEN NEW.retired = 0
BEGIN
    UPDATE sets SET live_cards = live_cards + 1 WHERE id = NEW.set_id;
END;

CREATE TRIGGER cards_count_deleted AFTER DELETE ON cards WHEN OLD.retired = 0
BEGIN
    UPDATE sets SET live_cards = live_cards - 1 WHERE id = OLD.set_id;
END;

CREATE TRIGGER cards_count_updated AFTER UPDATE OF set_id, retired ON cards
    WHEN OLD.set_id IS NOT NEW.set_id OR OLD.retired IS NOT NEW.retired
BEGIN
    UPDATE sets SET live_cards = live_cards - 1 WHERE id = OLD.set_id AND OLD.retired = 0;
    UPDATE sets SET live_cards = live_cards + 1 WHERE id = NEW.set_id AND NEW.retired = 0;
END;
