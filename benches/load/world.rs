//! The world a run measures: a temporary folder holding the question sets (the essay set and a
//! generated one) and a database seeded through `studyhall::store::seed` with students, their
//! sessions and their history.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use tempfile::TempDir;

use studyhall::accounts::hash_password;
use studyhall::questions::folder::BUILT_IN_SET;
use studyhall::questions::parse::parse_set;
use studyhall::questions::{Card, QuestionSet, SetId};
use studyhall::scheduler::{StudyClock, StudyDay};
use studyhall::store::seed::{SeedPlan, SeededStudent, seed};
use studyhall::store::{Store, StoreConfig};
use studyhall::study::TokenKey;

use crate::sets::generated_set_text;

/// Every seeded student's password (they share one hash).
pub const PASSWORD: &str = "load-bench-password";
/// Cards in the generated set that sits beside the essay set.
const GENERATED_CARDS: usize = 200;

/// What to build.
pub struct Plan {
    pub students: u32,
    pub card_states: u64,
    pub reviews_per_state: u32,
}

/// A set as the driver knows it: its cards, to answer them right or wrong.
pub struct StudySet {
    pub id: SetId,
    pub cards: Vec<Card>,
    /// Card id to index in `cards`.
    pub index: HashMap<String, usize>,
}

impl StudySet {
    fn new(set: QuestionSet) -> StudySet {
        let index = set
            .cards
            .iter()
            .enumerate()
            .map(|(i, card)| (card.id.as_str().to_string(), i))
            .collect();
        StudySet {
            id: set.id,
            cards: set.cards,
            index,
        }
    }

    pub fn card(&self, id: &str) -> Option<&Card> {
        self.index.get(id).map(|&i| &self.cards[i])
    }
}

/// A built world. The folder is deleted when this is dropped.
pub struct World {
    pub db: PathBuf,
    pub questions: PathBuf,
    pub sets: Vec<StudySet>,
    pub students: Vec<SeededStudent>,
    pub card_states: u64,
    pub reviews: u64,
    pub today: StudyDay,
    /// The database's key for review tokens: the answers phase issues tokens for the cards it
    /// picks, as the server would have on a study page.
    pub tokens: TokenKey,
    /// Importing the sets and seeding the rows.
    pub build_time: Duration,
    pub dir: TempDir,
}

impl World {
    pub fn build(plan: &Plan) -> Result<World, String> {
        let started = Instant::now();
        let dir = tempfile::Builder::new()
            .prefix("studyhall-load-")
            .tempdir()
            .map_err(|error| format!("cannot make a temporary folder: {error}"))?;
        let questions = dir.path().join("questions");
        let db = dir.path().join("studyhall.db");
        let texts = [
            ("korean-war-1950.toml", BUILT_IN_SET.to_string()),
            (
                "bench-generated.toml",
                generated_set_text("bench-generated", GENERATED_CARDS),
            ),
        ];
        std::fs::create_dir(&questions)
            .map_err(|error| format!("cannot make {}: {error}", questions.display()))?;
        let mut sets = Vec::new();
        for (name, text) in texts {
            let path = questions.join(name);
            std::fs::write(&path, &text)
                .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
            let set =
                parse_set(&text).map_err(|errors| format!("{name} does not parse: {errors:?}"))?;
            sets.push((set, text));
        }
        // The sets go in through the store, exactly as `studyhall serve` loads them.
        let store = Store::open(&StoreConfig::new(&db)).map_err(|error| error.to_string())?;
        store
            .import_sets(sets.clone())
            .wait()
            .map_err(|error| error.to_string())?;
        let tokens = TokenKey::new(store.review_token_key());
        drop(store);

        let now = Timestamp::now();
        let today = StudyClock::system_default().study_day(now);
        let seed_plan = SeedPlan {
            students: plan.students,
            card_states: plan.card_states,
            reviews_per_state: plan.reviews_per_state,
            password_hash: hash_password(PASSWORD).map_err(|error| error.to_string())?,
            today,
            overdue_days: 30,
            ahead_days: 30,
            now_ms: now.as_millisecond(),
            seed: 0x57DE_4A11,
        };
        let seeded = seed(&db, &seed_plan).map_err(|error| format!("seeding failed: {error}"))?;
        Ok(World {
            db,
            questions,
            sets: sets
                .into_iter()
                .map(|(set, _)| StudySet::new(set))
                .collect(),
            students: seeded.students,
            card_states: seeded.card_states,
            reviews: seeded.reviews,
            today,
            tokens,
            build_time: started.elapsed(),
            dir,
        })
    }
}
