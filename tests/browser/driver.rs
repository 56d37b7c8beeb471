//! Driving Debian's headless Chromium through its chromedriver: starting (and always stopping)
//! chromedriver on a free port, opening a session, and what a keyboard-only student does: press
//! keys, wait for the next page, look at what has the focus, and take screenshots.

use std::cell::Cell;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use reqwest::{Method, Url};
use serde_json::{Value, json};

pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const CHROMIUM: &str = "/usr/bin/chromium";
const INSTALL: &str = "the browser test needs Debian's chromium and chromium-driver: \
                       apt-get install -y chromium chromium-driver";
/// The longest a page may take to load, or the driver to start.
const PATIENCE: Duration = Duration::from_secs(15);

/// A running chromedriver. Dropping it asks chromedriver to shut down (which closes its
/// browsers) and then kills it, so nothing is left running when a test fails half-way.
pub struct Chromedriver {
    child: Child,
    port: u16,
    /// Chromium's profile, removed after chromedriver has stopped.
    profile: tempfile::TempDir,
}

impl Chromedriver {
    /// Starts chromedriver on a free port of 127.0.0.1. A missing chromium or chromedriver is a
    /// failure, never a skip: the test is only built with `--features browser`.
    pub fn start() -> Chromedriver {
        for path in [CHROMEDRIVER, CHROMIUM] {
            assert!(Path::new(path).exists(), "{path} is missing: {INSTALL}");
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("{CHROMEDRIVER} does not start ({error}): {INSTALL}"));
        let driver = Chromedriver {
            child,
            port,
            profile: tempfile::tempdir().expect("a temporary profile directory"),
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < PATIENCE,
                "chromedriver did not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }

    /// Opens headless Chromium at 1200x900 with a fresh profile.
    pub async fn open(&self) -> Browser {
        let profile = self.profile.path().display();
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1200,900",
            "--hide-scrollbars",
        ]
        .map(String::from);
        let mut args = args.to_vec();
        args.push(format!("--user-data-dir={profile}"));
        let mut capabilities = Capabilities::new();
        capabilities.insert("browserName".into(), json!("chrome"));
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({"binary": CHROMIUM, "args": args}),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .unwrap_or_else(|error| {
                panic!("chromedriver opens no Chromium session ({error}): {INSTALL}")
            });
        Browser {
            client,
            phone: Cell::new(false),
        }
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        // `/shutdown` closes the browsers chromedriver started; killing it alone would not.
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let request = "GET /shutdown HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
            if stream.write_all(request.as_bytes()).is_ok() {
                let _ = stream.read_to_end(&mut Vec::new());
            }
        }
        let asked = Instant::now();
        while matches!(self.child.try_wait(), Ok(None)) && asked.elapsed() < Duration::from_secs(3)
        {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A Chrome DevTools command sent through chromedriver (`goog/cdp/execute`): how the test
/// emulates a phone's screen and a dark colour scheme.
#[derive(Debug)]
struct DevTools {
    command: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for DevTools {
    fn endpoint(
        &self,
        base_url: &Url,
        session_id: Option<&str>,
    ) -> Result<Url, <Url as std::str::FromStr>::Err> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _: &Url) -> (Method, Option<String>) {
        let body = json!({"cmd": self.command, "params": self.params});
        (Method::POST, Some(body.to_string()))
    }
}

/// What has the keyboard focus.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Focus {
    pub tag: String,
    pub id: String,
    pub value: Option<String>,
    pub href: Option<String>,
    pub grade_key: Option<String>,
    pub default_grade: bool,
}

/// A browser session.
pub struct Browser {
    pub client: Client,
    /// Whether a phone's screen is emulated.
    phone: Cell<bool>,
}

impl Browser {
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("the page loads");
        self.wait_for_autofocus().await;
    }

    /// Waits, briefly, until the page's `autofocus` field has the focus. Chromium applies
    /// autofocus at its next rendering update, which on a busy machine can come after the
    /// page has loaded: keys sent before it went to the body, and a register form whose
    /// fields got nothing never submitted (CI, stop 17).
    async fn wait_for_autofocus(&self) {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(3) {
            let settled = self
                .client
                .execute(
                    "const field = document.querySelector('[autofocus]');
                     return !field || field.offsetParent === null || field.closest('dialog') !== null
                         || document.activeElement !== document.body;",
                    Vec::new(),
                )
                .await;
            if matches!(settled, Ok(Value::Bool(true))) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Runs `script` (a function body) in the page and returns what it returns.
    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, Vec::new())
            .await
            .expect("the script runs")
    }

    /// The page's path, e.g. `/study/korean-war-1950`.
    pub async fn path(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("a URL")
            .path()
            .to_string()
    }

    /// The text a reader sees on the page.
    pub async fn text(&self) -> String {
        let text = self.js("return document.body.innerText;").await;
        text.as_str()
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub async fn focus(&self) -> Focus {
        let focus = self
            .js("const e = document.activeElement || document.body;
                 return { tag: e.tagName.toLowerCase(), id: e.id,
                          value: 'value' in e ? String(e.value) : null,
                          href: e.getAttribute('href'), grade_key: e.getAttribute('data-grade-key'),
                          default_grade: e.hasAttribute('data-default-grade') };")
            .await;
        serde_json::from_value(focus).expect("a description of the focused element")
    }

    /// Presses each key of `keys` in turn, as a keyboard would, on whatever has the focus.
    pub async fn press(&self, keys: &str) {
        let mut actions = KeyActions::new("keyboard".to_string());
        for key in keys.chars() {
            actions = actions
                .then(KeyAction::Down { value: key })
                .then(KeyAction::Up { value: key });
        }
        self.client
            .perform_actions(actions)
            .await
            .expect("the keys are pressed");
    }

    /// The browser's Back button, waiting until the page it goes back to has loaded.
    pub async fn back(&self) {
        let from = self.client.current_url().await.expect("a URL");
        self.client.back().await.expect("Back works");
        let started = Instant::now();
        loop {
            let at = self.client.current_url().await.expect("a URL");
            let loaded = self.js("return document.readyState === 'complete';").await;
            if at != from && loaded == Value::Bool(true) {
                return self.wait_for_autofocus().await;
            }
            assert!(started.elapsed() < PATIENCE, "Back did not leave {from}");
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Presses `keys`, which submit a form or follow a link, and waits for the next page.
    pub async fn press_and_wait(&self, keys: &str) {
        self.mark_old_page().await;
        self.press(keys).await;
        self.wait_for_new_page(&format!("pressing {keys:?}")).await;
    }

    /// Waits until the page marked by [`Self::mark_old_page`] has been replaced and loaded.
    async fn wait_for_new_page(&self, after: &str) {
        let started = Instant::now();
        loop {
            let loaded = self
                .client
                .execute(
                    "return !window.studyhallOldPage && document.readyState === 'complete';",
                    Vec::new(),
                )
                .await;
            if matches!(loaded, Ok(Value::Bool(true))) {
                return self.wait_for_autofocus().await;
            }
            if started.elapsed() >= PATIENCE {
                self.fail_on_page(&format!("no new page after {after}"))
                    .await;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Fails with `what` and what the browser shows: the address, the focus, the page's text
    /// and a screenshot, so a failure on CI says which page the keys went to.
    async fn fail_on_page(&self, what: &str) -> ! {
        let url = self.client.current_url().await.map(|url| url.to_string());
        let focus = self.focus().await;
        let text: String = self.text().await.chars().take(600).collect();
        let shot = self.screenshot("failure").await;
        panic!(
            "{what}\n  at: {url:?}\n  focus: {focus:?}\n  text: {text}\n  screenshot: {}",
            shot.display()
        );
    }

    /// Marks the current page, so a wait can tell when the next one has replaced it.
    async fn mark_old_page(&self) {
        self.js("window.studyhallOldPage = true; return null;")
            .await;
    }

    /// Waits until `is_ready` holds for what has the focus (a script may move it a moment
    /// after a key), failing with `what` and the focus when it does not.
    pub async fn wait_for_focus(&self, what: &str, is_ready: impl Fn(&Focus) -> bool) -> Focus {
        let started = Instant::now();
        loop {
            let focus = self.focus().await;
            if is_ready(&focus) {
                return focus;
            }
            assert!(
                started.elapsed() < Duration::from_secs(3),
                "{what}; the focus is on {focus:?}"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Saves a PNG of what the window shows as `target/screenshots/{name}.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        // A navigation the page started a moment ago (a redirect landing) can abort a
        // screenshot; the page that results is the one to keep, so wait and take it again.
        let png = match self.client.screenshot().await {
            Ok(png) => png,
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(500)).await;
                self.client.screenshot().await.expect("a screenshot")
            }
        };
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&folder).expect("the screenshot folder");
        let path = folder.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("the screenshot is saved");
        path
    }

    /// Saves a PNG of the whole page, however long, by making the screen as tall as the page
    /// for a moment (WebDriver's screenshot shows only what the window shows).
    pub async fn screenshot_whole_page(&self, name: &str) -> PathBuf {
        let size = self
            .js("return [window.innerWidth, document.documentElement.scrollHeight];")
            .await;
        let (width, height) = (
            size[0].as_u64().unwrap_or(1200),
            size[1].as_u64().unwrap_or(900),
        );
        let phone = self.phone.get();
        let screen = json!({"width": width, "height": height,
                            "deviceScaleFactor": if phone { 2 } else { 1 }, "mobile": phone});
        self.dev_tools("Emulation.setDeviceMetricsOverride", screen)
            .await;
        let path = self.screenshot(name).await;
        if phone {
            self.phone().await;
        } else {
            self.desktop().await;
        }
        path
    }

    async fn dev_tools(&self, command: &'static str, params: Value) {
        let sent = self.client.issue_cmd(DevTools { command, params }).await;
        sent.unwrap_or_else(|error| panic!("DevTools {command}: {error}"));
    }

    /// Emulates a phone's screen (390x844 CSS pixels, touch viewport) until `desktop`.
    pub async fn phone(&self) {
        let screen = json!({"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true});
        self.dev_tools("Emulation.setDeviceMetricsOverride", screen)
            .await;
        self.phone.set(true);
    }

    pub async fn desktop(&self) {
        self.phone.set(false);
        self.dev_tools("Emulation.clearDeviceMetricsOverride", json!({}))
            .await;
    }

    /// Makes the pages see `prefers-color-scheme: dark` (or light).
    pub async fn color_scheme(&self, scheme: &str) {
        let features = json!({"features": [{"name": "prefers-color-scheme", "value": scheme}]});
        self.dev_tools("Emulation.setEmulatedMedia", features).await;
        let applied = self
            .js(&format!(
                "return matchMedia('(prefers-color-scheme: {scheme})').matches;"
            ))
            .await;
        assert_eq!(
            applied,
            Value::Bool(true),
            "the page sees a {scheme} colour scheme"
        );
    }

    /// Ends the session (and with it Chromium).
    pub async fn close(self) {
        self.client.close().await.expect("the session closes");
    }
}

/// The key codes WebDriver uses for Enter, Tab and the like.
pub fn key(key: Key) -> char {
    char::from(key)
}

/// Filling in forms and clicking, as someone with a mouse does: the instructor's test.
impl Browser {
    /// The element `css` selects; fails naming the selector and the page when there is none.
    pub async fn element(&self, css: &str) -> fantoccini::elements::Element {
        match self.client.find(fantoccini::Locator::Css(css)).await {
            Ok(element) => element,
            Err(error) => panic!(
                "no {css} on {} ({error}): {}",
                self.path().await,
                self.text().await
            ),
        }
    }

    /// Types `text` into the field `css` selects, replacing what it held.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.element(css).await;
        field.clear().await.expect("the field is emptied");
        field.send_keys(text).await.expect("the text is typed");
    }

    /// Chooses the file at `path` in the file input `css`.
    pub async fn choose_file(&self, css: &str, path: &Path) {
        let input = self.element(css).await;
        let chosen = input.send_keys(&path.display().to_string()).await;
        chosen.expect("the file is chosen");
    }

    /// Picks the option whose value is `value` in the select `css`.
    pub async fn select(&self, css: &str, value: &str) {
        let select = self.element(css).await;
        let picked = select.select_by_value(value).await;
        picked.unwrap_or_else(|error| panic!("no option {value} in {css}: {error}"));
    }

    /// Clicks what `css` selects (a submit button, a link) and waits for the page it opens.
    pub async fn click_and_wait(&self, css: &str) {
        let target = self.element(css).await;
        self.mark_old_page().await;
        let clicked = target.click().await;
        clicked.unwrap_or_else(|error| panic!("{css} cannot be clicked: {error}"));
        self.wait_for_new_page(&format!("clicking {css}")).await;
    }
}
