//! The escape codes the backend sends for colours and attributes, written as crossterm
//! writes them (`Colored`, `SetColors`, `SetAttribute`) but straight into the output: through
//! crossterm each went through the formatting machinery, and each attribute made two
//! `String`s. On Windows, and when crossterm is told to leave colours out (`NO_COLOR`),
//! crossterm's own commands are used (they fall back to the console API on old consoles).

use ratatui::backend::IntoCrossterm;
use ratatui::crossterm::style::{Attribute, Color as CrosstermColor};
use ratatui::style::Color;
use std::io::{self, Write};

/// An escape code put together on the stack (the longest, two RGB colours, is 40 bytes) and
/// written in one go. Its steps are inlined byte loops: the crate is built for size, which
/// would leave each a call (and `copy_from_slice` a call to `memcpy` for a byte or two).
#[cfg(unix)]
struct Code {
    bytes: [u8; 48],
    len: usize,
}

#[cfg(unix)]
impl Code {
    #[inline]
    fn csi() -> Self {
        let mut code = Self {
            bytes: [0; 48],
            len: 0,
        };
        code.push(b"\x1b[");
        code
    }

    #[inline]
    fn push(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.bytes[self.len] = byte;
            self.len += 1;
        }
    }

    #[inline]
    fn number(&mut self, n: u8) {
        if n >= 100 {
            self.push(&[b'0' + n / 100]);
        }
        if n >= 10 {
            self.push(&[b'0' + n / 10 % 10]);
        }
        self.push(&[b'0' + n % 10]);
    }

    /// What crossterm's `Colored` writes for `color` on `layer`: b'3' (text), b'4'
    /// (background) or b'5' (underline).
    fn color(&mut self, layer: u8, color: CrosstermColor) {
        use CrosstermColor as C;
        let index = match color {
            C::Reset => return self.push(&[layer, b'9']),
            C::Rgb { r, g, b } => {
                self.push(&[layer, b'8', b';', b'2', b';']);
                self.number(r);
                self.push(b";");
                self.number(g);
                self.push(b";");
                self.number(b);
                return;
            }
            C::AnsiValue(value) => value,
            C::Black => 0,
            C::DarkRed => 1,
            C::DarkGreen => 2,
            C::DarkYellow => 3,
            C::DarkBlue => 4,
            C::DarkMagenta => 5,
            C::DarkCyan => 6,
            C::Grey => 7,
            C::DarkGrey => 8,
            C::Red => 9,
            C::Green => 10,
            C::Yellow => 11,
            C::Blue => 12,
            C::Magenta => 13,
            C::Cyan => 14,
            C::White => 15,
        };
        self.push(&[layer, b'8', b';', b'5', b';']);
        self.number(index);
    }

    fn send(mut self, w: &mut impl Write) -> io::Result<()> {
        self.push(b"m");
        w.write_all(&self.bytes[..self.len])
    }
}

/// The number crossterm sends for each attribute the backend uses (`None` for the others).
#[cfg(unix)]
fn sgr(attribute: Attribute) -> Option<u8> {
    Some(match attribute {
        Attribute::Reset => 0,
        Attribute::Bold => 1,
        Attribute::Dim => 2,
        Attribute::Italic => 3,
        Attribute::Underlined => 4,
        Attribute::SlowBlink => 5,
        Attribute::RapidBlink => 6,
        Attribute::Reverse => 7,
        Attribute::Hidden => 8,
        Attribute::CrossedOut => 9,
        Attribute::NormalIntensity => 22,
        Attribute::NoItalic => 23,
        Attribute::NoUnderline => 24,
        Attribute::NoBlink => 25,
        Attribute::NoReverse => 27,
        Attribute::NoHidden => 28,
        Attribute::NotCrossedOut => 29,
        _ => return None,
    })
}

/// True when colours are written here rather than by crossterm.
#[cfg(unix)]
fn direct() -> bool {
    !ratatui::crossterm::style::Colored::ansi_color_disabled_memoized()
}

/// Crossterm's `SetAttribute`.
pub(super) fn set_attribute(w: &mut impl Write, attribute: Attribute) -> io::Result<()> {
    #[cfg(unix)]
    if let Some(n) = sgr(attribute) {
        let mut code = Code::csi();
        code.number(n);
        return code.send(w);
    }
    ratatui::crossterm::queue!(w, ratatui::crossterm::style::SetAttribute(attribute))
}

/// Crossterm's `SetColors` with both colours.
pub(super) fn set_colors(w: &mut impl Write, fg: Color, bg: Color) -> io::Result<()> {
    let (fg, bg) = (fg.into_crossterm(), bg.into_crossterm());
    #[cfg(unix)]
    if direct() {
        let mut code = Code::csi();
        code.color(b'3', fg);
        code.push(b";");
        code.color(b'4', bg);
        return code.send(w);
    }
    let colors = ratatui::crossterm::style::Colors::new(fg, bg);
    ratatui::crossterm::queue!(w, ratatui::crossterm::style::SetColors(colors))
}

/// Crossterm's `SetUnderlineColor`.
pub(super) fn set_underline_color(w: &mut impl Write, color: Color) -> io::Result<()> {
    let color = color.into_crossterm();
    #[cfg(unix)]
    if direct() {
        let mut code = Code::csi();
        code.color(b'5', color);
        return code.send(w);
    }
    ratatui::crossterm::queue!(w, ratatui::crossterm::style::SetUnderlineColor(color))
}
