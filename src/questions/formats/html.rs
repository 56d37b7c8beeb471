//! HTML to plain text, for GIFT questions marked `[html]`, Anki's text export with
//! `#html:true` and the fields of Anki packages: a card holds plain text, so tags are dropped,
//! entities decoded, and line-making tags (`<br>`, `<div>`, `<p>`, `<li>`, ...) become line
//! breaks. Images and Anki's `[sound:…]` are dropped too and named, so a reader can say what
//! was not imported. Writing an Anki field goes the other way with [`escape`].

/// Plain text and the images (their `src`) an HTML fragment held.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct PlainText {
    pub(crate) text: String,
    pub(crate) images: Vec<String>,
}

/// The text of an HTML fragment: whitespace collapsed as a browser does, a line break for
/// each line-making tag, entities decoded, no tags; the contents of `<script>` and `<style>`
/// dropped.
pub(crate) fn to_text(html: &str) -> PlainText {
    let mut out = PlainText::default();
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        push_collapsed(&mut text, &decode_entities(&rest[..open]));
        let after = &rest[open + 1..];
        // A '<' that starts no tag (`a < b`) is text, as browsers read it.
        let starts_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        let Some(close) = after.find('>').filter(|_| starts_tag) else {
            push_collapsed(&mut text, "<");
            rest = after;
            continue;
        };
        let tag = &after[..close];
        rest = &after[close + 1..];
        let name = tag_name(tag);
        match name.as_str() {
            "br" => line_break(&mut text),
            // Blocks follow each other on their own lines, without a blank line between.
            "div" | "p" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol"
            | "table" | "blockquote" | "hr" | "pre"
                if !text.trim_end_matches(' ').ends_with('\n') =>
            {
                line_break(&mut text)
            }
            "img" => out.images.extend(attribute(tag, "src")),
            "script" | "style" if !tag.starts_with('/') => {
                let end = format!("</{name}");
                rest = match rest.to_ascii_lowercase().find(&end) {
                    Some(at) => &rest[at..],
                    None => "",
                };
            }
            _ => {}
        }
    }
    push_collapsed(&mut text, &decode_entities(rest));
    out.text = tidy(&text);
    out
}

/// `text` without Anki's `[sound:…]` references, and the files they name.
pub(crate) fn without_sounds(text: &str) -> (String, Vec<String>) {
    let mut kept = String::with_capacity(text.len());
    let mut sounds = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("[sound:") {
        let Some(end) = rest[start..].find(']') else {
            break;
        };
        kept.push_str(&rest[..start]);
        sounds.push(rest[start + "[sound:".len()..start + end].to_string());
        rest = &rest[start + end + 1..];
    }
    kept.push_str(rest);
    (kept, sounds)
}

/// Plain text as an HTML field: `&`, `<`, `>` escaped, line breaks as `<br>`.
pub(crate) fn escape(text: &str) -> String {
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

/// The lowercase name of a tag from its inside (`/div`, `br /`, `img src=…`): `div`, `br`.
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The value of `name="…"` (or '…', or unquoted) in a tag's inside.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let value = &tag[at..];
    let value = match value.chars().next()? {
        quote @ ('"' | '\'') => value[1..].split(quote).next()?,
        _ => value
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()?,
    };
    Some(decode_entities(value)).filter(|value| !value.is_empty())
}

/// Text as a browser shows it: runs of whitespace, line ends included, as one space.
fn push_collapsed(text: &mut String, part: &str) {
    for c in part.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !text.ends_with([' ', '\n']) && !text.is_empty() {
                text.push(' ');
            }
        } else if c == '\u{a0}' {
            // A no-break space is a space the student types as any other.
            text.push(' ');
        } else {
            text.push(c);
        }
    }
}

fn line_break(text: &mut String) {
    while text.ends_with(' ') {
        text.pop();
    }
    text.push('\n');
}

/// Lines trimmed, at most one blank line in a row (`<br><br>`), no blank lines around the
/// text.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blanks = 0;
    for line in text.split('\n').map(str::trim) {
        if line.is_empty() {
            blanks += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blanks > 0 { "\n\n" } else { "\n" });
        }
        blanks = 0;
        out.push_str(line);
    }
    out
}

/// `text` with its character references decoded: the named ones fields use (`&amp;`, `&lt;`,
/// `&gt;`, `&quot;`, `&apos;`, `&nbsp;`, ...) and numeric ones (`&#39;`, `&#x27;`). An unknown
/// or malformed reference stays as written.
pub(crate) fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest[1..]
            .find(';')
            .filter(|end| *end <= 10)
            .and_then(|end| Some((entity(&rest[1..1 + end])?, end + 2)));
        match decoded {
            Some((c, length)) => {
                out.push(c);
                rest = &rest[length..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "deg" => '°',
        "middot" => '·',
        "times" => '×',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn sounds_are_taken_out_and_named_and_escaping_round_trips() {
        let (kept, sounds) = super::without_sounds("a[sound:x.mp3] b [sound:y.ogg]");
        assert_eq!(
            (kept.as_str(), sounds),
            ("a b ", vec!["x.mp3".to_string(), "y.ogg".into()])
        );
        let written = "A & B <c>\nnext line";
        assert_eq!(super::to_text(&super::escape(written)).text, written);
    }

    use super::*;

    #[test]
    fn tags_are_dropped_lines_kept_and_entities_decoded() {
        let html = "Kim&nbsp;Il Sung&#39;s <b>plan</b><br>was approved<div>in spring&#x27;50 &amp; \
                    later</div>  <p>x &lt; y &unknown; &amp</p>";
        assert_eq!(
            to_text(html).text,
            "Kim Il Sung's plan\nwas approved\nin spring'50 & later\nx < y &unknown; &amp"
        );
    }

    #[test]
    fn images_are_named_and_scripts_dropped() {
        let found = to_text("Map<img src=\"inchon.jpg\"/><script>alert(1)</script> of Korea");
        assert_eq!(found.text, "Map of Korea");
        assert_eq!(found.images, ["inchon.jpg"]);
    }

    #[test]
    fn a_lone_angle_bracket_is_text() {
        assert_eq!(to_text("1 < 2 and 3 > 2").text, "1 < 2 and 3 > 2");
        assert_eq!(to_text("<").text, "<");
        assert_eq!(to_text("a <b").text, "a <b");
    }
}
