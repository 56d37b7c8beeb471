-- 0003: indexes shaped to the study page's queries, so that each is one range of one index.

-- New cards started today are counted per set (the daily limit is per set).
DROP INDEX card_states_introduced;
CREATE INDEX card_states_introduced ON card_states (user_id, set_id, introduced_day);

-- Same-day repeats come longest-waiting first: the index holds them in that order.
DROP INDEX card_states_relearning;
CREATE INDEX card_states_relearning
    ON card_states (user_id, set_id, last_review_day, last_reviewed_at, card_id)
    WHERE relearning = 1;
