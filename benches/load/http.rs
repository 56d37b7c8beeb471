//! A minimal keep-alive HTTP/1.1 client over a blocking `TcpStream`, one per simulated student.
//!
//! Why not hyper or reqwest: the driver shares the machine's two cores with the server it
//! measures, so every microsecond the client spends is taken from the server. One blocking
//! thread per simulated student costs nothing while it waits (it sleeps in `read`), needs no
//! async runtime, and a request is one `write` and usually one `read`: the client stays a small
//! fraction of the CPU. It speaks only what studyhall answers: a status line, headers, and a
//! body framed by `Content-Length` or chunked encoding.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// How long one response may take before the request counts as failed: bounds every loop even
/// if the server hangs.
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(10);
/// Bytes asked of the socket per read: a whole study page usually arrives in one.
const READ_SIZE: usize = 32 * 1024;

/// One keep-alive connection to the server.
pub struct Connection {
    stream: TcpStream,
    /// What was read: one response at a time (the client never pipelines).
    buffer: Vec<u8>,
}

/// A response: its status and body.
pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
}

/// How a request proves who is asking.
#[derive(Clone, Copy)]
pub enum Auth<'a> {
    /// `Authorization: Bearer TOKEN`, as API clients do.
    Bearer(&'a str),
    /// The `studyhall_session` cookie, as browsers do.
    Cookie(&'a str),
}

impl Connection {
    /// Connects to `addr`, which the caller took from the server it started on 127.0.0.1.
    pub fn open(addr: SocketAddr) -> io::Result<Connection> {
        let stream = TcpStream::connect_timeout(&addr, RESPONSE_TIMEOUT)?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(RESPONSE_TIMEOUT))?;
        stream.set_write_timeout(Some(RESPONSE_TIMEOUT))?;
        Ok(Connection {
            stream,
            buffer: Vec::with_capacity(16 * 1024),
        })
    }

    pub fn get(&mut self, path: &str, auth: Option<Auth<'_>>) -> io::Result<Response> {
        let request = request_head("GET", path, auth, None);
        self.exchange(request.as_bytes())
    }

    pub fn post_json(
        &mut self,
        path: &str,
        auth: Option<Auth<'_>>,
        body: &[u8],
    ) -> io::Result<Response> {
        let mut request = request_head("POST", path, auth, Some(body.len())).into_bytes();
        request.extend_from_slice(body);
        self.exchange(&request)
    }

    fn exchange(&mut self, request: &[u8]) -> io::Result<Response> {
        self.stream.write_all(request)?;
        self.buffer.clear();
        let head_end = loop {
            if let Some(end) = find(&self.buffer, b"\r\n\r\n") {
                break end + 4;
            }
            self.fill()?;
        };
        let head = std::str::from_utf8(&self.buffer[..head_end])
            .map_err(|_| invalid("a response head that is not UTF-8"))?;
        let status = head
            .get(9..12)
            .and_then(|code| code.parse::<u16>().ok())
            .ok_or_else(|| invalid("a response without a status line"))?;
        let mut length = None;
        let mut chunked = false;
        for line in head.split("\r\n").skip(1) {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                length = Some(
                    value
                        .parse::<usize>()
                        .map_err(|_| invalid("a bad Content-Length"))?,
                );
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                chunked = value.eq_ignore_ascii_case("chunked");
            }
        }
        let body = if chunked {
            self.read_chunked(head_end)?
        } else {
            // 204 and 304 have no body; studyhall frames every other one.
            let length = length.unwrap_or(0);
            while self.buffer.len() < head_end + length {
                self.fill()?;
            }
            self.buffer[head_end..head_end + length].to_vec()
        };
        Ok(Response { status, body })
    }

    fn read_chunked(&mut self, mut at: usize) -> io::Result<Vec<u8>> {
        let mut body = Vec::new();
        loop {
            let line_end = loop {
                if let Some(end) = find(&self.buffer[at..], b"\r\n") {
                    break at + end;
                }
                self.fill()?;
            };
            let size_text = std::str::from_utf8(&self.buffer[at..line_end]).unwrap_or("");
            let size_text = size_text.split(';').next().unwrap_or("").trim();
            let size =
                usize::from_str_radix(size_text, 16).map_err(|_| invalid("a bad chunk size"))?;
            let data = line_end + 2;
            // The chunk, then its CRLF (after the last, empty chunk: the final CRLF).
            while self.buffer.len() < data + size + 2 {
                self.fill()?;
            }
            body.extend_from_slice(&self.buffer[data..data + size]);
            at = data + size + 2;
            if size == 0 {
                return Ok(body);
            }
        }
    }

    /// Reads what has arrived straight onto the end of the buffer.
    fn fill(&mut self) -> io::Result<()> {
        let filled = self.buffer.len();
        self.buffer.resize(filled + READ_SIZE, 0);
        let read = self.stream.read(&mut self.buffer[filled..]);
        self.buffer.truncate(filled + *read.as_ref().unwrap_or(&0));
        match read? {
            0 => Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the server closed the connection",
            )),
            _ => Ok(()),
        }
    }
}

fn request_head(method: &str, path: &str, auth: Option<Auth<'_>>, body: Option<usize>) -> String {
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    match auth {
        Some(Auth::Bearer(token)) => head.push_str(&format!("Authorization: Bearer {token}\r\n")),
        Some(Auth::Cookie(token)) => {
            head.push_str(&format!("Cookie: studyhall_session={token}\r\n"))
        }
        None => {}
    }
    if let Some(length) = body {
        head.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {length}\r\n"
        ));
    }
    head.push_str("\r\n");
    head
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("the server sent {what}"),
    )
}
