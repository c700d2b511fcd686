//! Day files in the shape stridelog writes them, parsed without ron. Loading a journal is
//! mostly parsing, and this reader does the common case many times faster.
//!
//! It accepts a strict subset of what [`entry::parse_day`] accepts: `(field: value, …)` with
//! the fields of a day in any order, `Some(…)`/`None`, plain decimal numbers, strings with the
//! plain escapes, the date of the file name. Anything it is not sure of (comments, a bare
//! value without `Some`, `1_000`, `1e3`, other escapes, a value out of range, an unknown or
//! repeated field, a newer format) gives `None`, and the caller asks `parse_day`, which also
//! words every error. When it gives a day, that day is exactly what `parse_day` gives (the
//! tests in `quickparse/tests.rs` and the store's fuzz tests hold it to that).

use super::entry::{self, DayEntry, Score};
use chrono::{Datelike, NaiveDate, NaiveTime};

mod fields;
mod names;

/// The day in `text`, the file of `date`, when it is in the common shape and valid; `None`
/// when `parse_day` must decide.
pub fn parse(text: &str, date: NaiveDate) -> Option<DayEntry> {
    let mut cursor = Cursor {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let day = cursor.day(date)?;
    cursor.skip_ws();
    (cursor.at == text.len() && day.validate().is_ok()).then_some(day)
}

/// Fields seen so far in one struct: a second `notes:` is an error for serde, so `None` here.
#[derive(Default)]
struct Seen(u32);

impl Seen {
    fn first(&mut self, index: u32) -> Option<()> {
        let bit = 1u32 << index;
        let first = self.0 & bit == 0;
        self.0 |= bit;
        first.then_some(())
    }
}

struct Cursor<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

// The crate is built for size (opt-level "z"), which leaves these few-instruction helpers
// as calls: inlined, every day file parses in about a third fewer instructions (measured with
// callgrind on `stridelog check`), for 5 KiB more binary.
#[expect(
    clippy::inline_always,
    reason = "the helpers called for every byte and token of a day file, in a size-built crate"
)]
impl<'a> Cursor<'a> {
    /// Spaces, tabs and line ends (all whitespace to ron too; comments are left to ron).
    #[inline(always)]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Skips whitespace, then takes `byte` if it is next.
    #[inline(always)]
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_ws();
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    #[inline(always)]
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    /// `(name: value, …)`, a trailing comma allowed; `field` reads each value.
    fn fields(&mut self, mut field: impl FnMut(&mut Self, &'a [u8]) -> Option<()>) -> Option<()> {
        self.expect(b'(')?;
        loop {
            if self.eat(b')') {
                return Some(());
            }
            // The name is what comes before the colon: `field` knows the names there are, so
            // anything else (spaces, `r#`, another character) is an unknown name and `None`.
            self.skip_ws();
            let start = self.at;
            let colon = self.bytes[start..].iter().position(|b| *b == b':')?;
            self.at += colon + 1;
            field(self, &self.bytes[start..start + colon])?;
            if !self.eat(b',') {
                return self.expect(b')');
            }
        }
    }

    /// `[item, …]`, a trailing comma allowed.
    fn seq<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.expect(b'[')?;
        let mut items = Vec::new();
        loop {
            if self.eat(b']') {
                return Some(items);
            }
            items.push(item(self)?);
            if !self.eat(b',') {
                self.expect(b']')?;
                return Some(items);
            }
        }
    }

    /// `None` or `Some(value)`; a bare value (ron's implicit `Some`) is left to ron.
    #[expect(
        clippy::option_option,
        reason = "the outer `None` leaves the file to ron, the inner one is the field's value"
    )]
    fn option<T>(&mut self, value: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.word("None") {
            return Some(None);
        }
        if !self.word("Some") || self.peek() != Some(b'(') {
            return None;
        }
        self.at += 1;
        let inner = value(self)?;
        self.expect(b')')?;
        Some(Some(inner))
    }

    /// Takes `word` after whitespace when it is a whole identifier there (what follows cannot
    /// continue one: `Fever` is not taken from `FeverOrWeightLoss`, nor `Left` from `Leftä`).
    #[inline(always)]
    fn word(&mut self, word: &str) -> bool {
        self.skip_ws();
        // Most words tried are not there (`None` where `Some` is, a variant's other names):
        // one byte tells.
        if self.peek() != word.as_bytes().first().copied() {
            return false;
        }
        let rest = &self.bytes[self.at..];
        let whole = rest.starts_with(word.as_bytes())
            && !rest
                .get(word.len())
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_' || !b.is_ascii());
        if whole {
            self.at += word.len();
        }
        whole
    }

    fn variant<T: Copy>(&mut self, names: &[(&str, T)]) -> Option<T> {
        names.iter().find(|(n, _)| self.word(n)).map(|(_, v)| *v)
    }

    fn boolean(&mut self) -> Option<bool> {
        if self.word("true") {
            Some(true)
        } else if self.word("false") {
            Some(false)
        } else {
            None
        }
    }

    /// Decimal digits without a sign, `_` or a leading zero.
    fn unsigned(&mut self) -> Option<u64> {
        self.skip_ws();
        let start = self.at;
        let mut value: u64 = 0;
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            value = value
                .checked_mul(10)?
                .checked_add(u64::from(digit - b'0'))?;
            self.at += 1;
        }
        let len = self.at - start;
        (len == 1 || (len > 1 && self.bytes[start] != b'0')).then_some(value)
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.unsigned()?).ok()
    }

    fn score(&mut self) -> Option<Score> {
        Score::new(u8::try_from(self.unsigned()?).ok()?)
    }

    fn digits(&mut self) -> Option<()> {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        (self.at > start).then_some(())
    }

    /// `digits.digits`, read by the same `f64::from_str` ron uses.
    fn float(&mut self) -> Option<f64> {
        self.skip_ws();
        let start = self.at;
        self.digits()?;
        if self.peek() != Some(b'.') {
            return None;
        }
        self.at += 1;
        self.digits()?;
        self.text[start..self.at].parse().ok()
    }

    /// A `"…"` string: up to the first unescaped `"`, with ron's one-character escapes.
    fn string(&mut self) -> Option<String> {
        if !self.eat(b'"') {
            return None;
        }
        let mut out = String::new();
        let mut from = self.at;
        loop {
            let stop = from
                + self.bytes[from..]
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\\'))?;
            out.push_str(&self.text[from..stop]);
            if self.bytes[stop] == b'"' {
                self.at = stop + 1;
                return Some(out);
            }
            let mut next = stop + 2;
            out.push(match self.bytes.get(stop + 1)? {
                b'u' => {
                    let (c, len) = unicode_escape(&self.bytes[next..])?;
                    next += len;
                    c
                }
                b'"' => '"',
                b'\\' => '\\',
                b'\'' => '\'',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'0' => '\0',
                _ => return None,
            });
            from = next;
        }
    }

    /// `"HH:MM:SS"`, as chrono writes a time without fractions.
    fn time(&mut self) -> Option<NaiveTime> {
        let text = self.string()?;
        let b = text.as_bytes();
        if b.len() != 8 || b[2] != b':' || b[5] != b':' {
            return None;
        }
        NaiveTime::from_hms_opt(
            two_digits(&b[0..2])?,
            two_digits(&b[3..5])?,
            two_digits(&b[6..8])?,
        )
    }

    /// `"YYYY-MM-DD"` naming exactly `date` (any other spelling is left to ron).
    fn date_is(&mut self, date: NaiveDate) -> Option<()> {
        let text = self.string()?;
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = two_digits(&b[0..2])? * 100 + two_digits(&b[2..4])?;
        let same = i32::try_from(year).ok() == Some(date.year())
            && two_digits(&b[5..7])? == date.month()
            && two_digits(&b[8..10])? == date.day();
        same.then_some(())
    }
}

/// `{1F3C3}` after `\\u`: 1 to 6 hex digits naming a char, as ron reads it (ron writes it for
/// characters that do not print, such as combining marks); the char and the bytes taken.
fn unicode_escape(bytes: &[u8]) -> Option<(char, usize)> {
    let digits = bytes.get(1..)?.iter().take(7).position(|b| *b == b'}')?;
    if bytes.first() != Some(&b'{') || !(1..=6).contains(&digits) {
        return None;
    }
    let hex = std::str::from_utf8(&bytes[1..=digits]).ok()?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
    Some((c, digits + 2))
}

fn two_digits(b: &[u8]) -> Option<u32> {
    match b {
        [tens @ b'0'..=b'9', ones @ b'0'..=b'9'] => {
            Some(u32::from(tens - b'0') * 10 + u32::from(ones - b'0'))
        }
        _ => None,
    }
}

/// Reads a day file's text: the quick reader when it can, else [`entry::parse_day`].
///
/// # Errors
/// What `parse_day` says about the text.
pub fn parse_day(text: &str, date: NaiveDate) -> Result<DayEntry, entry::ParseError> {
    parse(text, date).map_or_else(|| entry::parse_day(text, Some(date)), Ok)
}

#[cfg(test)]
mod tests;
