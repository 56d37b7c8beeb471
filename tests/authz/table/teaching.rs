//! The rows of the teaching pages: A's class and its forms, A's set and the upload forms, the
//! dashboards and the disputes.

use studyhall::store::{Assignment, ClassId, Teacher};

use crate::common::ESSAY_SET;
use crate::request::Body;
use crate::row::{
    Expect, FORBIDDEN, HIDDEN_FROM_B, NOT_FOUND, OK, REFUSED_TO_B, Row, TEACHERS, TO_SIGN_IN,
    see_other,
};
use crate::world::{CLAIMED, SET_A, SET_A_FILE, Who, World};

/// 303 back to A's class page with a confirmation, for A and the admin; B is told there is no
/// such class.
fn class_change(world: &World, done: &str) -> [Expect; 5] {
    let back = see_other(world.class_a_path(&format!("?done={done}")));
    [TO_SIGN_IN, FORBIDDEN, back.clone(), NOT_FOUND, back]
}

pub fn class_pages(world: &World) -> Vec<Row> {
    let class = ClassId(world.class_a);
    let spare = world.spare_member;
    let console = Teacher::console();
    vec![
        Row::get("/teach", "/teach", TEACHERS),
        Row::post(
            "/teach/classes",
            "/teach/classes",
            Body::form(&[("name", "Spare class")]),
            {
                let created = see_other("/teach/classes/");
                [
                    TO_SIGN_IN,
                    FORBIDDEN,
                    created.clone(),
                    created.clone(),
                    created,
                ]
            },
        ),
        Row::get(
            "/teach/classes/{class_id}",
            &world.class_a_path(""),
            HIDDEN_FROM_B,
        ),
        Row::post(
            "/teach/classes/{class_id}/code",
            &world.class_a_path("/code"),
            Body::form(&[]),
            class_change(world, "code"),
        ),
        Row::post(
            "/teach/classes/{class_id}/members/{user_id}/remove",
            &world.class_a_path(&format!("/members/{}/remove", spare.0)),
            Body::form(&[]),
            class_change(world, "removed"),
        )
        .before_each(move |world| {
            let store = &world.site.app.store;
            let detail = store.class_detail(console, class).expect("the store reads");
            let code = detail.expect("A's class").summary.join_code.to_string();
            store
                .join_class(spare, &code)
                .wait()
                .expect("sid joins again");
        }),
        Row::post(
            "/teach/classes/{class_id}/archive",
            &world.class_a_path("/archive"),
            Body::form(&[]),
            class_change(world, "archived"),
        )
        .before_each(move |world| archive(world, class, false)),
        Row::post(
            "/teach/classes/{class_id}/restore",
            &world.class_a_path("/restore"),
            Body::form(&[]),
            class_change(world, "restored"),
        )
        .before_each(move |world| archive(world, class, true)),
        Row::post(
            "/teach/classes/{class_id}/sets",
            &world.class_a_path("/sets"),
            Body::form(&[("set_id", SET_A), ("daily_new_limit", ""), ("exam_day", "")]),
            class_change(world, "assigned"),
        ),
        Row::post(
            "/teach/classes/{class_id}/sets/{set_id}/remove",
            &world.class_a_path(&format!("/sets/{ESSAY_SET}/remove")),
            Body::form(&[]),
            class_change(world, "unassigned"),
        )
        .before_each(move |world| {
            let essay = studyhall::questions::SetId::parse(ESSAY_SET).expect("a set id");
            let assigned =
                world
                    .site
                    .app
                    .store
                    .assign_set(console, class, &essay, Assignment::default());
            assigned.wait().expect("the essay set is assigned again");
        }),
    ]
}

fn archive(world: &World, class: ClassId, archived: bool) {
    let store = &world.site.app.store;
    store
        .set_class_archived(Teacher::console(), class, archived)
        .wait()
        .expect("the class is archived or restored");
}

pub fn set_pages() -> Vec<Row> {
    let set_page = format!("/teach/sets/{SET_A}");
    let new_version = SET_A_FILE.replace("Ana's Cold War", "Ana's Cold War, again");
    let new_set = |who: Who| {
        let id = format!("new-set-{}", who.tag());
        format!(
            "[set]\nid = \"{id}\"\ntitle = \"New\"\n\n[[cards]]\nid = \"c1\"\nkind = \"truefalse\"\nprompt = \"Yes?\"\nanswer = true\n"
        )
    };
    let published = see_other("/teach/sets/new-set-");
    let to_set = see_other(set_page.clone());
    let refused = Expect::Status(422);
    vec![
        Row::post(
            "/teach/sets/{set_id}/visibility",
            &format!("{set_page}/visibility"),
            Body::form(&[("visibility", "restricted")]),
            [
                TO_SIGN_IN,
                FORBIDDEN,
                to_set.clone(),
                FORBIDDEN,
                to_set.clone(),
            ],
        ),
        Row::get("/teach/sets/new", "/teach/sets/new", TEACHERS),
        Row::get(
            "/teach/sets/new",
            &format!("/teach/sets/new?from={SET_A}"),
            REFUSED_TO_B,
        ),
        Row::post_each(
            "/teach/sets/preview",
            "/teach/sets/preview",
            move |who| Body::upload(&[("format", "toml"), ("text", &new_set(who))]),
            TEACHERS,
        ),
        Row::post_each(
            "/teach/sets/preview",
            "/teach/sets/preview",
            {
                let text = new_version.clone();
                move |_| Body::upload(&[("format", "toml"), ("text", &text)])
            },
            [TO_SIGN_IN, FORBIDDEN, OK, refused.clone(), OK],
        ),
        Row::post_each(
            "/teach/sets/try",
            "/teach/sets/try",
            move |who| Body::upload(&[("format", "toml"), ("text", &new_set(who))]),
            TEACHERS,
        ),
        Row::post_each(
            "/teach/sets/try",
            "/teach/sets/try",
            {
                let text = new_version.clone();
                move |_| Body::upload(&[("format", "toml"), ("text", &text)])
            },
            [TO_SIGN_IN, FORBIDDEN, OK, refused.clone(), OK],
        ),
        Row::post_each(
            "/teach/sets/publish",
            "/teach/sets/publish",
            move |who| Body::upload(&[("format", "toml"), ("text", &new_set(who))]),
            [
                TO_SIGN_IN,
                FORBIDDEN,
                published.clone(),
                published.clone(),
                published,
            ],
        ),
        Row::post_each(
            "/teach/sets/publish",
            "/teach/sets/publish",
            move |_| {
                Body::upload(&[
                    ("format", "toml"),
                    ("text", &new_version),
                    ("replaces", SET_A),
                ])
            },
            [TO_SIGN_IN, FORBIDDEN, to_set.clone(), refused, to_set],
        ),
        Row::get("/teach/sets/{set_id}", &set_page, REFUSED_TO_B),
        Row::get(
            "/teach/sets/{set_id}/file",
            &format!("{set_page}/file"),
            REFUSED_TO_B,
        ),
    ]
}

/// Figures narrowed to B's class: B's and the admin's; to A, it does not exist.
const B_S_CLASS: [Expect; 5] = [TO_SIGN_IN, FORBIDDEN, NOT_FOUND, OK, OK];

pub fn dashboards(world: &World) -> Vec<Row> {
    let analysis = format!("/teach/sets/{SET_A}");
    // A decides on one claim, the admin on another; the others try the admin's, which is still
    // undecided when they do.
    let claims = |for_a: &str, for_the_rest: &str| -> Box<dyn Fn(Who) -> Body> {
        let (mine, others) = (world.claim(for_a), world.claim(for_the_rest));
        Box::new(move |who| {
            if who == Who::A {
                mine.clone()
            } else {
                others.clone()
            }
        })
    };
    let decided = see_other("/teach/disputes?done=");
    let decision = [TO_SIGN_IN, FORBIDDEN, decided.clone(), FORBIDDEN, decided];
    let accepting = claims(CLAIMED[0], CLAIMED[1]);
    let rejecting = claims(CLAIMED[2], CLAIMED[3]);
    vec![
        Row::get(
            "/teach/classes/{id}/dashboard",
            &world.class_a_path("/dashboard"),
            HIDDEN_FROM_B,
        ),
        Row::get(
            "/teach/classes/{id}/students/{user_id}",
            &world.class_a_path(&format!("/students/{}", world.s1.0)),
            HIDDEN_FROM_B,
        ),
        Row::get(
            "/teach/classes/{id}/export/progress.csv",
            &world.class_a_path("/export/progress.csv"),
            HIDDEN_FROM_B,
        ),
        Row::get(
            "/teach/classes/{id}/export/reviews.csv",
            &world.class_a_path("/export/reviews.csv"),
            HIDDEN_FROM_B,
        ),
        Row::get(
            "/teach/sets/{set_id}/analysis",
            &format!("{analysis}/analysis"),
            HIDDEN_FROM_B,
        ),
        Row::get(
            "/teach/sets/{set_id}/export/reviews.csv",
            &format!("{analysis}/export/reviews.csv"),
            HIDDEN_FROM_B,
        ),
        // The essay set, narrowed to B's class: B's and the admin's; A teaches with the set
        // too, but is told B's class does not exist.
        Row::get(
            "/teach/sets/{set_id}/analysis",
            &format!("/teach/sets/{ESSAY_SET}/analysis?class={}", world.class_b),
            B_S_CLASS,
        ),
        Row::get(
            "/teach/sets/{set_id}/export/reviews.csv",
            &format!(
                "/teach/sets/{ESSAY_SET}/export/reviews.csv?class={}",
                world.class_b
            ),
            B_S_CLASS,
        ),
        Row::get("/teach/disputes", "/teach/disputes", TEACHERS),
        // The confirmation of a rejection, while every claim is still pending: A's and the
        // admin's; B teaches none of the claimants.
        Row::get(
            "/teach/disputes/reject",
            &world.confirm_path(CLAIMED[3]),
            REFUSED_TO_B,
        ),
        Row::post_each(
            "/teach/disputes/accept",
            "/teach/disputes/accept",
            accepting,
            decision.clone(),
        ),
        Row::post_each(
            "/teach/disputes/reject",
            "/teach/disputes/reject",
            rejecting,
            decision.clone(),
        ),
        // Each undoes a rejection: A hers, the others the admin's, each rejected again first.
        Row::post_each(
            "/teach/disputes/undo",
            "/teach/disputes/undo",
            claims(CLAIMED[2], CLAIMED[3]),
            decision,
        )
        .before_each(|world| {
            world.reject_as_admin(CLAIMED[2]);
            world.reject_as_admin(CLAIMED[3]);
        }),
    ]
}
