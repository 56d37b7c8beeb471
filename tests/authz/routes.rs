//! Every route the app registers, read out of its source, must have a row in the table, and
//! every row must name a route the app has: a new route without an authorization row fails
//! here.
//!
//! The routes are the `.route("PATH", web::METHOD()...)` calls of the files below, under the
//! `web::scope("...")` a file opens; each `.configure(MODULE::routes)` must name one of them,
//! and no other file under `src/` may call `.route(`.

use std::collections::BTreeSet;
use std::path::Path;

use crate::table::table;
use crate::world::World;

/// The files that register routes, with the module name `.configure(...)` calls them by.
const SOURCES: [(&str, &str, &str); 5] = [
    (
        "server",
        "src/web/server.rs",
        include_str!("../../src/web/server.rs"),
    ),
    (
        "api",
        "src/web/api/mod.rs",
        include_str!("../../src/web/api/mod.rs"),
    ),
    (
        "pages",
        "src/web/pages/mod.rs",
        include_str!("../../src/web/pages/mod.rs"),
    ),
    (
        "teach",
        "src/web/pages/teach/mod.rs",
        include_str!("../../src/web/pages/teach/mod.rs"),
    ),
    (
        "dashboards",
        "src/web/pages/dashboards/mod.rs",
        include_str!("../../src/web/pages/dashboards/mod.rs"),
    ),
];

/// The string literal `text` starts with (after spaces), without its quotes.
fn literal(text: &str) -> Option<&str> {
    let text = text.trim_start().strip_prefix('"')?;
    text.find('"').map(|end| &text[..end])
}

/// (method, route) of every `.route(` call in `source`; a route after `web::scope("X")` is
/// under X, and one without a path of its own is its `web::resource("X")`'s.
fn routes_in(source: &str) -> Vec<(String, String)> {
    let scope = source
        .find("web::scope(")
        .map(|at| (at, &source[at + "web::scope(".len()..]));
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = source[from..].find(".route(") {
        let at = from + offset;
        from = at + ".route(".len();
        let rest = &source[from..];
        // `web::resource("X")...route(web::post()...)`: the path is the resource's.
        let resource = || {
            let at = source[..at].rfind("web::resource(")?;
            literal(&source[at + "web::resource(".len()..])
        };
        let path = literal(rest)
            .or_else(resource)
            .unwrap_or_else(|| panic!("a route path: {}", &rest[..40.min(rest.len())]));
        let method = rest
            .find("web::")
            .map(|m| &rest[m + "web::".len()..])
            .and_then(|call| call.split('(').next())
            .expect("a web::METHOD() after the path");
        let prefix = match scope {
            Some((scope_at, call)) if scope_at < at => literal(call).expect("a scope path"),
            _ => "",
        };
        found.push((method.to_uppercase(), format!("{prefix}{path}")));
    }
    found
}

/// The module names of every `.configure(NAME::routes)` in `source`.
fn configured_in(source: &str) -> Vec<&str> {
    source
        .match_indices(".configure(")
        .filter_map(|(at, call)| source[at + call.len()..].split("::").next())
        .map(str::trim)
        .collect()
}

/// Every route of the app, as (method, route).
fn app_routes() -> BTreeSet<(String, String)> {
    SOURCES
        .iter()
        .flat_map(|(_, _, source)| routes_in(source))
        .collect()
}

#[test]
fn the_route_reader_reads_paths_methods_and_scopes_across_lines() {
    let source = r#"config.service(web::scope("/api/v9")
            .route("/a/{id}", web::get().to(a))
            .route(
                "/b",
                web::post().to(b),
            )
            .service(web::resource("/c").app_data(limit).route(web::put().to(c))))"#;
    assert_eq!(
        routes_in(source),
        [
            ("GET".to_string(), "/api/v9/a/{id}".to_string()),
            ("POST".to_string(), "/api/v9/b".to_string()),
            ("PUT".to_string(), "/api/v9/c".to_string()),
        ]
    );
    assert_eq!(
        configured_in(".configure(teach::routes)\n.configure( api::routes)"),
        ["teach", "api"]
    );
}

#[test]
fn every_file_that_registers_routes_is_read() {
    let known: Vec<&str> = SOURCES.iter().map(|(name, _, _)| *name).collect();
    for (_, file, source) in SOURCES {
        for module in configured_in(source) {
            assert!(
                known.contains(&module),
                "{file} configures {module}::routes: add its file to SOURCES in tests/authz/routes.rs"
            );
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read: Vec<&str> = SOURCES.iter().map(|(_, file, _)| *file).collect();
    let mut unread = Vec::new();
    let mut folders = vec![root.join("src")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let relative = path
                .strip_prefix(root)
                .expect("under the crate")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if text.contains(".route(") && !read.contains(&relative.as_str()) {
                unread.push(relative);
            }
        }
    }
    assert!(
        unread.is_empty(),
        "these files register routes the table does not know: {unread:?}"
    );
    assert!(app_routes().len() > 50, "{:?}", app_routes());
}

#[test]
fn every_route_of_the_app_has_a_row_in_the_table_and_every_row_a_route() {
    let world = World::build();
    let rows: BTreeSet<(String, String)> = table(&world)
        .iter()
        .map(|row| (row.method.to_string(), row.route.to_string()))
        .collect();
    let routes = app_routes();
    let missing: Vec<_> = routes.difference(&rows).collect();
    let stale: Vec<_> = rows.difference(&routes).collect();
    assert!(
        missing.is_empty(),
        "routes without a row in tests/authz/table.rs (say who may call them): {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "rows for routes the app does not register: {stale:?}"
    );
}
