-- 0007: "I was right" claims are ruled per student, so that a class's instructor can decide
-- their own students' claims while the set's owner and the admin decide for everyone.
--
-- A claim is a review with overridden = 1. It is pending while its student has no ruling on
-- that card and normalised answer; a ruling is one row here. A decision writes a ruling for
-- each student it covers, and undoing it deletes those rows, which reopens the claims.
CREATE TABLE claim_rulings (
    user_id           INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    card_id           INTEGER NOT NULL REFERENCES cards (id),
    normalized_answer TEXT    NOT NULL,
    -- accepted: that answer counts as right for this student, every time they gave it;
    -- rejected: it counts as wrong, claims included (their card was turned into a lapse).
    decision          TEXT    NOT NULL CHECK (decision IN ('accepted', 'rejected')),
    -- 1: taken by the set's owner or the admin, who decide for everyone; 0: by the instructor
    -- of a class of the student's that has the set assigned, for their students only.
    for_everyone      INTEGER NOT NULL CHECK (for_everyone IN (0, 1)),
    decided_by        INTEGER REFERENCES users (id) ON DELETE SET NULL,
    decided_at        INTEGER NOT NULL,
    -- The form an accept for everyone added to the card's accepted answers (on each row that
    -- accept wrote), so that undoing it takes that form off again; NULL otherwise.
    added_answer      TEXT,
    PRIMARY KEY (user_id, card_id, normalized_answer)
) STRICT, WITHOUT ROWID;

-- Deciding and undoing find a card and answer's rulings.
CREATE INDEX claim_rulings_by_answer ON claim_rulings (card_id, normalized_answer);

-- Claims by card and answer (the disputes page), and whether one student claimed one answer
-- (claim_standing, on every wrong answer): both are one range of this index. It replaces
-- 0002's reviews_overridden, which lacked the user.
DROP INDEX IF EXISTS reviews_overridden;
CREATE INDEX reviews_claims ON reviews (card_id, normalized_answer, user_id)
    WHERE overridden = 1;

-- The decisions of 0002 were one per card and answer, for everyone. Each becomes a ruling for
-- everyone it counted: a rejection for each claimant, an accept for each student who gave the
-- answer and was marked wrong (claimed or not), as the figures read it until now. Which form an
-- accept added was not kept: undoing one of these leaves the card's accepted answers alone.
INSERT INTO claim_rulings (user_id, card_id, normalized_answer, decision, for_everyone,
                           decided_by, decided_at)
SELECT DISTINCT r.user_id, d.card_id, d.normalized_answer, d.decision, 1, d.decided_by,
       d.decided_at
FROM claim_decisions AS d
    JOIN reviews AS r ON r.card_id = d.card_id AND r.normalized_answer = d.normalized_answer
WHERE r.overridden = 1 OR (d.decision = 'accepted' AND r.verdict = 'wrong');

DROP TABLE claim_decisions;
