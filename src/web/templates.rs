//! The one template environment, built at start-up with every page template embedded in the
//! binary, and the single way to render a page: [`Templates::render`] with a view model from
//! [`super::views`].
//!
//! `.html` templates are HTML-autoescaped, and undefined values are errors (minijinja's strict
//! mode), so a view model missing a field the template reads fails its test instead of quietly
//! rendering an empty string. Templates reach static files through `assets["style.css"]`,
//! the content-hashed URL from [`super::assets`]: a global map built once, since a function
//! call per URL cost more than a lookup on every page.

use std::collections::BTreeMap;

use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior, Value};
use serde::Serialize;

use super::assets;

/// Every template, by name, embedded at compile time.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    (
        "study_bar.html",
        include_str!("../../templates/study_bar.html"),
    ),
    (
        "card_fields.html",
        include_str!("../../templates/card_fields.html"),
    ),
    (
        "set_form_fields.html",
        include_str!("../../templates/set_form_fields.html"),
    ),
    (
        "trial_next.html",
        include_str!("../../templates/trial_next.html"),
    ),
    ("login.html", include_str!("../../templates/login.html")),
    (
        "register.html",
        include_str!("../../templates/register.html"),
    ),
    ("home.html", include_str!("../../templates/home.html")),
    ("join.html", include_str!("../../templates/join.html")),
    (
        "teach_home.html",
        include_str!("../../templates/teach_home.html"),
    ),
    (
        "teach_class.html",
        include_str!("../../templates/teach_class.html"),
    ),
    ("study.html", include_str!("../../templates/study.html")),
    ("answer.html", include_str!("../../templates/answer.html")),
    ("done.html", include_str!("../../templates/done.html")),
    (
        "progress.html",
        include_str!("../../templates/progress.html"),
    ),
    ("error.html", include_str!("../../templates/error.html")),
    ("setup.html", include_str!("../../templates/setup.html")),
    (
        "password.html",
        include_str!("../../templates/password.html"),
    ),
    ("admin.html", include_str!("../../templates/admin.html")),
    ("account.html", include_str!("../../templates/account.html")),
    (
        "account_deleted.html",
        include_str!("../../templates/account_deleted.html"),
    ),
    (
        "register_closed.html",
        include_str!("../../templates/register_closed.html"),
    ),
    (
        "class_dashboard.html",
        include_str!("../../templates/class_dashboard.html"),
    ),
    (
        "class_student.html",
        include_str!("../../templates/class_student.html"),
    ),
    (
        "set_analysis.html",
        include_str!("../../templates/set_analysis.html"),
    ),
    (
        "disputes.html",
        include_str!("../../templates/disputes.html"),
    ),
    (
        "dispute_reject.html",
        include_str!("../../templates/dispute_reject.html"),
    ),
    (
        "claim_notice.html",
        include_str!("../../templates/claim_notice.html"),
    ),
    (
        "teach_set_macros.html",
        include_str!("../../templates/teach_set_macros.html"),
    ),
    (
        "teach_set_upload.html",
        include_str!("../../templates/teach_set_upload.html"),
    ),
    (
        "teach_set_preview.html",
        include_str!("../../templates/teach_set_preview.html"),
    ),
    (
        "teach_set.html",
        include_str!("../../templates/teach_set.html"),
    ),
];

/// A template that would not compile or render. Its `source` chain holds minijinja's error,
/// with the template name and line, for the log; the student sees only the error page.
#[derive(Debug, thiserror::Error)]
#[error("the template {template} could not be {action}")]
pub struct RenderError {
    /// The template's name, e.g. "home.html".
    pub template: String,
    action: &'static str,
    #[source]
    source: minijinja::Error,
}

/// The template environment, shared by all requests (put it in `web::Data`).
#[derive(Debug)]
pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    /// Compiles every embedded template. Fails only if one has a syntax error, which the tests
    /// rule out, so start-up can treat an error here as a bug to report.
    pub fn new() -> Result<Templates, RenderError> {
        let mut env = Environment::new();
        // Jinja's default already escapes `.html`; saying so keeps it true if names change.
        env.set_auto_escape_callback(minijinja::default_auto_escape_callback);
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.add_global("assets", asset_urls());
        for &(name, source) in TEMPLATES {
            env.add_template(name, source)
                .map_err(|source| RenderError {
                    template: name.to_string(),
                    action: "compiled",
                    source,
                })?;
        }
        Ok(Templates { env })
    }

    /// Renders the template `name` with `context`, a view model. Never panics: a missing
    /// template, a missing field or an unknown asset is an `Err`.
    pub fn render<T: Serialize>(&self, name: &str, context: &T) -> Result<String, RenderError> {
        let error = |source| RenderError {
            template: name.to_string(),
            action: "rendered",
            source,
        };
        let template = self.env.get_template(name).map_err(error)?;
        template.render(Serde(context)).map_err(error)
    }
}

/// The template global `assets`: each static file's name ("style.css") to its current,
/// content-hashed URL. The URLs are marked safe because they are ours, so their slashes are not
/// written as `&#x2f;`; an unknown name is undefined, an error in strict mode.
fn asset_urls() -> Value {
    let urls: BTreeMap<&str, Value> = assets::all()
        .iter()
        .map(|asset| (asset.name, Value::from_safe_string(asset.url.clone())))
        .collect();
    Value::from(urls)
}

#[cfg(test)]
mod tests;
