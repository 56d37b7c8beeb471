-- 0004: each set keeps the number of its live (not retired) cards, so that the study page and
-- the set lists read one column instead of counting the set's cards on every request. The
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
