//! Which SM-2 grades a student may pick after a check.
//!
//! A wrong answer is graded for the student: 1 (Again), or 0 when they gave nothing, SM-2's
//! "complete blackout". A right answer (correct or almost) lets them say how hard it was:
//! Hard 3, Good 4 or Easy 5, with Good offered for a correct answer and Hard for an almost one,
//! which needed a second look. A recall card offers Again, Hard, Good and Easy with nothing
//! preselected: only the student knows whether they remembered. An unparsed answer is not
//! graded at all.

use serde::{Serialize, Serializer};

use super::{Checked, Verdict};
use crate::scheduler::Quality;

/// A grade a student may pick: its SM-2 quality and the button's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Grade {
    #[serde(serialize_with = "quality_number")]
    pub quality: Quality,
    /// "Again", "Hard", "Good" or "Easy".
    pub label: &'static str,
}

/// The grades a student may pick after a check, and the one to preselect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GradeOptions {
    /// From worst to best; empty for an unparsed answer, which is not graded.
    pub choices: Vec<Grade>,
    /// `None` when the student must choose: recall cards and unparsed answers.
    #[serde(serialize_with = "optional_quality_number")]
    pub default: Option<Quality>,
}

const AGAIN: Grade = grade(Quality::AGAIN, "Again");
const HARD: Grade = grade(Quality::HARD, "Hard");
const GOOD: Grade = grade(Quality::GOOD, "Good");
const EASY: Grade = grade(Quality::EASY, "Easy");

const fn grade(quality: Quality, label: &'static str) -> Grade {
    Grade { quality, label }
}

/// SM-2's 0, "complete blackout": what a blank answer is graded.
fn blackout() -> Grade {
    grade(Quality::BLACKOUT, "Again")
}

/// The grades a student may pick after this check, with the one to preselect.
pub fn grade_options(checked: &Checked) -> GradeOptions {
    let (choices, default) = match checked.verdict {
        Verdict::Correct => (vec![HARD, GOOD, EASY], Some(Quality::GOOD)),
        Verdict::Almost => (vec![HARD, GOOD, EASY], Some(Quality::HARD)),
        Verdict::Wrong if checked.blank => {
            let blank = blackout();
            (vec![blank], Some(blank.quality))
        }
        Verdict::Wrong => (vec![AGAIN], Some(Quality::AGAIN)),
        Verdict::SelfGraded => (vec![AGAIN, HARD, GOOD, EASY], None),
        Verdict::Unparsed => (Vec::new(), None),
    };
    GradeOptions { choices, default }
}

/// Whether a student may record this quality after this check (the API answers 422 if not).
pub fn quality_allowed(checked: &Checked, quality: Quality) -> bool {
    grade_options(checked)
        .choices
        .iter()
        .any(|grade| grade.quality == quality)
}

fn quality_number<S: Serializer>(quality: &Quality, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u8(quality.value())
}

fn optional_quality_number<S: Serializer>(
    quality: &Option<Quality>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    quality.map(Quality::value).serialize(serializer)
}
