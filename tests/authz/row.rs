//! A row of the table: a route, the request each caller sends to it, and what each must get.

use std::borrow::Cow;

use crate::request::{Body, Csrf, Reply, Request};
use crate::world::{Caller, Who, World};

/// What a caller must get.
#[derive(Debug, Clone)]
pub enum Expect {
    Status(u16),
    /// 303 See Other to a location starting with this.
    SeeOther(Cow<'static, str>),
}

pub const OK: Expect = Expect::Status(200);
pub const FORBIDDEN: Expect = Expect::Status(403);
pub const NOT_FOUND: Expect = Expect::Status(404);
pub const UNAUTHORIZED: Expect = Expect::Status(401);
pub const TO_SIGN_IN: Expect = Expect::SeeOther(Cow::Borrowed("/login"));
pub const HOME: Expect = Expect::SeeOther(Cow::Borrowed("/"));

/// The same answer for every caller.
pub fn everyone(expect: Expect) -> [Expect; 5] {
    std::array::from_fn(|_| expect.clone())
}

/// `signed_out` for a visitor signed out, `signed_in` for everyone else.
pub fn once_signed_in(signed_out: Expect, signed_in: Expect) -> [Expect; 5] {
    let mut expect = everyone(signed_in);
    expect[0] = signed_out;
    expect
}

/// 303 See Other to `location` (or further down it).
pub fn see_other(location: impl Into<Cow<'static, str>>) -> Expect {
    Expect::SeeOther(location.into())
}

impl Expect {
    pub fn matches(&self, reply: &Reply) -> bool {
        match self {
            Expect::Status(status) => reply.status == *status,
            Expect::SeeOther(to) => {
                reply.status == 303
                    && reply
                        .location
                        .as_deref()
                        .is_some_and(|at| at.starts_with(to.as_ref()))
            }
        }
    }
}

/// What puts the world back before a caller's try.
type Reset = Box<dyn Fn(&World)>;

/// One route tried by every caller.
pub struct Row {
    pub method: &'static str,
    /// The route as the app registers it, e.g. `/teach/classes/{class_id}`.
    pub route: &'static str,
    pub path: String,
    body: Box<dyn Fn(Who) -> Body>,
    csrf: Csrf,
    /// Each caller signs in anew for this row: it ends the session it is sent with.
    fresh_session: bool,
    before_each: Option<Reset>,
    /// Signed out, S1, A, B, the admin.
    pub expect: [Expect; 5],
}

impl Row {
    fn new(method: &'static str, route: &'static str, path: &str, expect: [Expect; 5]) -> Row {
        Row {
            method,
            route,
            path: path.to_string(),
            body: Box::new(|_| Body::None),
            csrf: Csrf::Session,
            fresh_session: false,
            before_each: None,
            expect,
        }
    }

    pub fn get(route: &'static str, path: &str, expect: [Expect; 5]) -> Row {
        Row::new("GET", route, path, expect)
    }

    pub fn post(route: &'static str, path: &str, body: Body, expect: [Expect; 5]) -> Row {
        Row::post_each(route, path, move |_| body.clone(), expect)
    }

    /// A POST whose body depends on the caller (a username, a review token of their own).
    pub fn post_each(
        route: &'static str,
        path: &str,
        body: impl Fn(Who) -> Body + 'static,
        expect: [Expect; 5],
    ) -> Row {
        Row {
            body: Box::new(body),
            ..Row::new("POST", route, path, expect)
        }
    }

    /// The form is one shown before signing in: it carries the `studyhall_csrf` cookie's token.
    pub fn before_sign_in(self) -> Row {
        Row {
            csrf: Csrf::Anonymous,
            ..self
        }
    }

    /// Whether the row's form is one shown before signing in ([`Row::before_sign_in`]).
    pub fn is_before_sign_in(&self) -> bool {
        self.csrf == Csrf::Anonymous
    }

    pub fn fresh_session(self) -> Row {
        Row {
            fresh_session: true,
            ..self
        }
    }

    /// Runs `reset` before each caller's try, so each finds the world as the first did.
    pub fn before_each(self, reset: impl Fn(&World) + 'static) -> Row {
        Row {
            before_each: Some(Box::new(reset)),
            ..self
        }
    }

    /// Sends the row's request as `who`.
    pub fn send_as(&self, world: &World, who: Who) -> Reply {
        self.send_with(world, who, self.csrf)
    }

    /// Sends the row's request as `who` with no CSRF token at all, as another site's page
    /// would post it with the caller's cookies. The world is not put back first: a refused
    /// request changes nothing (and a reset such as archiving a class would then stay).
    pub fn send_without_csrf(&self, world: &World, who: Who) -> Reply {
        self.send_with(world, who, Csrf::Missing)
    }

    fn send_with(&self, world: &World, who: Who, csrf: Csrf) -> Reply {
        if let (Some(reset), false) = (&self.before_each, csrf == Csrf::Missing) {
            reset(world);
        }
        let caller = if self.fresh_session {
            world.fresh_session(who)
        } else {
            world.caller(who).clone()
        };
        let mut request = match self.method {
            "GET" => Request::get(&self.path),
            _ => Request::post(&self.path, (self.body)(who)),
        };
        request.csrf = csrf;
        world.send(&caller, &request)
    }

    /// Sends a GET row's request as `caller`, someone outside the table's columns (S2).
    pub fn send_as_student(&self, world: &World, caller: &Caller) -> Reply {
        assert_eq!(self.method, "GET", "only a GET row is sent as S2");
        world.send(caller, &Request::get(&self.path))
    }
}

/// A's and the admin's; to B, it does not exist (A's class and its dashboards, A's set's item
/// analysis and review log).
pub const HIDDEN_FROM_B: [Expect; 5] = [TO_SIGN_IN, FORBIDDEN, OK, NOT_FOUND, OK];
/// A's and the admin's; B is told it is not theirs (A's set's own pages).
pub const REFUSED_TO_B: [Expect; 5] = [TO_SIGN_IN, FORBIDDEN, OK, FORBIDDEN, OK];
/// Every teacher's.
pub const TEACHERS: [Expect; 5] = [TO_SIGN_IN, FORBIDDEN, OK, OK, OK];
/// The admin's alone.
pub const ADMIN_ONLY: [Expect; 5] = [TO_SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK];
