//! Anki's fields are HTML; studyhall's cards are plain text. This module turns one into the
//! other (entities decoded, `<br>` and block elements as line breaks, other tags dropped,
//! `[sound:…]` dropped) and finds the media files a field refers to, so the import can say
//! which were left behind. Writing goes the other way with [`escape`].

use std::collections::BTreeSet;

/// The plain text of an HTML field.
pub fn text(html: &str) -> String {
    let html = without_sounds(html);
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('<') {
            rest = tag(rest, &mut out);
        } else {
            rest = entity(rest, &mut out);
        }
    }
    out.push_str(rest);
    tidy(&out)
}

/// Reads the tag at the start of `rest` into `out` (a line break or nothing) and returns what
/// follows it. A `<` that starts no tag is text, as browsers read it.
fn tag<'h>(rest: &'h str, out: &mut String) -> &'h str {
    let Some(end) = rest.find('>') else {
        out.push('<');
        return &rest[1..];
    };
    let inside = &rest[1..end];
    let closing = inside.starts_with('/');
    let name: String = inside
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() && !inside.starts_with('!') {
        out.push('<');
        return &rest[1..];
    }
    let after = &rest[end + 1..];
    match name.as_str() {
        "br" => out.push('\n'),
        // Blocks follow each other on their own lines, without blank lines between.
        "div" | "p" | "li" | "tr" | "ul" | "ol" | "table" | "h1" | "h2" | "h3" | "h4" | "h5"
        | "h6" | "hr" | "blockquote" | "pre"
            if !out.is_empty() && !out.ends_with('\n') =>
        {
            out.push('\n')
        }
        // Their content is code, not text.
        "style" | "script" if !closing => {
            let close = format!("</{name}");
            return match after.to_ascii_lowercase().find(&close) {
                Some(at) => after[at..].find('>').map_or("", |gt| &after[at + gt + 1..]),
                None => "",
            };
        }
        _ => {}
    }
    after
}

/// Decodes the entity at the start of `rest` into `out` and returns what follows it; an `&`
/// that starts no entity is text.
fn entity<'h>(rest: &'h str, out: &mut String) -> &'h str {
    let end = rest
        .char_indices()
        .take(12)
        .find(|(_, c)| *c == ';')
        .map(|(at, _)| at);
    let decoded = end.and_then(|end| decode(&rest[1..end]).map(|text| (text, end)));
    match decoded {
        Some((text, end)) => {
            out.push_str(&text);
            &rest[end + 1..]
        }
        None => {
            out.push('&');
            &rest[1..]
        }
    }
}

fn decode(name: &str) -> Option<String> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        return Some(char::from_u32(code).unwrap_or('\u{FFFD}').to_string());
    }
    let text = match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => " ",
        "ndash" => "–",
        "mdash" => "—",
        "hellip" => "…",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "laquo" => "«",
        "raquo" => "»",
        "middot" => "·",
        "bull" => "•",
        "deg" => "°",
        "times" => "×",
        "divide" => "÷",
        "plusmn" => "±",
        "minus" => "−",
        "copy" => "©",
        "reg" => "®",
        "euro" => "€",
        "pound" => "£",
        "shy" | "zwj" | "zwnj" => "",
        _ => return None,
    };
    Some(text.to_string())
}

/// Lines trimmed, spaces collapsed, no blank lines at either end and none doubled.
fn tidy(text: &str) -> String {
    let lines: Vec<String> = text
        .replace('\u{a0}', " ")
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in lines {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&line);
    }
    out
}

fn without_sounds(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("[sound:") {
        let Some(close) = rest[at..].find(']') else {
            break;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Adds the media files `html` refers to (`<img src>`, `[sound:…]`) to `into`.
pub fn media(html: &str, into: &mut BTreeSet<String>) {
    let mut rest = html;
    while let Some(at) = rest.find("[sound:") {
        let after = &rest[at + "[sound:".len()..];
        let Some(close) = after.find(']') else { break };
        into.insert(after[..close].to_string());
        rest = &after[close..];
    }
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<img").map(|at| from + at) {
        let end = lower[at..].find('>').map_or(lower.len(), |gt| at + gt);
        if let Some(src) = lower[at..end].find("src=").map(|src| at + src + 4) {
            let value = &html[src..end];
            let name = match value.chars().next() {
                Some(quote @ ('"' | '\'')) => value[1..].split(quote).next().unwrap_or(""),
                _ => value.split([' ', '/']).next().unwrap_or(""),
            };
            if !name.is_empty() {
                into.insert(text(name));
            }
        }
        from = end;
    }
}

/// Plain text as an HTML field: `&`, `<`, `>` escaped, line breaks as `<br>`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_entities_decode_and_blocks_break_lines() {
        assert_eq!(
            text("Seoul &amp; <b>Inchon</b>&nbsp;&lt;1950&gt;"),
            "Seoul & Inchon <1950>"
        );
        assert_eq!(text("<div>one</div><div>two</div>"), "one\ntwo");
        assert_eq!(text("a<br>b<br><br>c"), "a\nb\n\nc");
        assert_eq!(text("Ch&#x14F;sin &#8211; x"), "Chŏsin – x");
        assert_eq!(text("<style>.x{}</style>kept"), "kept");
        assert_eq!(
            text("1 < 2 & 3 > 2 &unknown; &"),
            "1 < 2 & 3 > 2 &unknown; &"
        );
        assert_eq!(text("a[sound:x.mp3] b"), "a b");
    }

    #[test]
    fn media_names_are_found_in_images_and_sounds() {
        let mut found = BTreeSet::new();
        media(
            r#"<img src="map.jpg"> [sound:a.mp3] <IMG class=x src='b c.png'> <img src=d.gif>"#,
            &mut found,
        );
        let found: Vec<&str> = found.iter().map(String::as_str).collect();
        assert_eq!(found, ["a.mp3", "b c.png", "d.gif", "map.jpg"]);
    }

    #[test]
    fn escaping_round_trips_through_text() {
        let written = "A & B <c>\nnext line";
        assert_eq!(text(&escape(written)), written);
    }
}
