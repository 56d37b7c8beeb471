//! Debian's nginx in front of the server, with TLS: a self-signed certificate for 127.0.0.1
//! made with openssl, and nginx run in the foreground as a child process with its own prefix,
//! configuration, pid file, logs and temporary folders in the test's folder, on a loopback
//! port. The configuration is the one `docs/deploy.md` gives, with those paths changed.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// nginx, stopped when dropped.
pub struct Nginx {
    child: Child,
}

impl Nginx {
    pub fn start(dir: &Path, port: u16, upstream_port: u16) -> Nginx {
        let nginx = dir.join("nginx");
        for folder in ["", "logs", "temp"] {
            std::fs::create_dir_all(nginx.join(folder)).expect("nginx's folders");
        }
        certificate(&nginx);
        let config = nginx.join("nginx.conf");
        std::fs::write(&config, configuration(&nginx, port, upstream_port)).expect("the config");
        let child = Command::new(nginx_binary())
            .arg("-p")
            .arg(&nginx)
            .arg("-c")
            .arg(&config)
            .arg("-e")
            .arg(nginx.join("logs/error.log"))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("nginx starts (apt-get install nginx)");
        let mut started = Nginx { child };
        started.wait_until_listening(port, &nginx);
        started
    }

    fn wait_until_listening(&mut self, port: u16, nginx: &Path) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            let log = || std::fs::read_to_string(nginx.join("logs/error.log")).unwrap_or_default();
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("nginx stopped ({status}): {}", log());
            }
            assert!(
                Instant::now() < deadline,
                "nginx does not listen: {}",
                log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// nginx from the PATH or Debian's /usr/sbin (not on a normal user's PATH). Missing, the test
/// fails: CI installs it.
fn nginx_binary() -> String {
    let on_path = Command::new("nginx").arg("-v").output().is_ok();
    if on_path {
        "nginx".to_string()
    } else if Path::new("/usr/sbin/nginx").exists() {
        "/usr/sbin/nginx".to_string()
    } else {
        panic!("nginx is not installed: apt-get install nginx (CI's .ci/run does)")
    }
}

/// A self-signed certificate and its key for 127.0.0.1, valid for a day.
fn certificate(nginx: &Path) {
    let made = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args([
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ])
        .arg("-keyout")
        .arg(nginx.join("key.pem"))
        .arg("-out")
        .arg(nginx.join("cert.pem"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("openssl runs (apt-get install openssl)");
    assert!(made.success(), "openssl could not make a certificate");
}

/// The proxy of `docs/deploy.md`: TLS on `port`, the app on `upstream_port`. Single process
/// (`master_process off`) so that the test's child is nginx itself and the worker needs no
/// user of its own.
fn configuration(nginx: &Path, port: u16, upstream_port: u16) -> String {
    let dir = nginx.display();
    format!(
        r#"daemon off;
master_process off;
pid {dir}/nginx.pid;
error_log {dir}/logs/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log {dir}/logs/access.log;
    client_body_temp_path {dir}/temp/body;
    proxy_temp_path {dir}/temp/proxy;
    fastcgi_temp_path {dir}/temp/fastcgi;
    uwsgi_temp_path {dir}/temp/uwsgi;
    scgi_temp_path {dir}/temp/scgi;
    server {{
        listen 127.0.0.1:{port} ssl;
        ssl_certificate {dir}/cert.pem;
        ssl_certificate_key {dir}/key.pem;
        client_max_body_size 2m;
        location / {{
            proxy_pass http://127.0.0.1:{upstream_port};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
}}
"#
    )
}
