-- 0005: the due-card lookup reads everything it needs from its index.
--
-- The study page's most common query finds a student's most overdue card in a set. With only
-- (user_id, set_id, due_day) in the index it then looked each state up in card_states' own
-- B-tree: a second descent, which at 10 million states misses SQLite's page cache. The state
-- columns ride along in the index instead; a review rewrites the entry anyway (it moves the
-- due day), so answers write no more pages.
DROP INDEX card_states_due;
CREATE INDEX card_states_due ON card_states (
    user_id, set_id, due_day, card_id,
    repetitions, easiness_hundredths, interval_days, lapses, last_review_day, relearning
);
