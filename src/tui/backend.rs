//! The terminal backend the app draws with: ratatui's crossterm backend, except that each
//! cell's text goes straight into the output buffer. Crossterm's `Print` sends every cell
//! through the formatting machinery, about 270 instructions a cell, a third of the work of
//! putting the first frame on the terminal. Colours, attributes (`codes`) and cursor moves
//! are the bytes crossterm writes, in ratatui's order (crossterm's own commands on Windows,
//! for old consoles), so the terminal gets the same bytes as from ratatui's own backend (a
//! test compares them on many frames).

mod codes;

use codes::{set_attribute, set_colors, set_underline_color};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Color as CrosstermColor, SetAttribute, SetBackgroundColor, SetForegroundColor,
    SetUnderlineColor,
};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};

/// Crossterm's backend with a quicker [`Backend::draw`].
pub struct Quick<W: Write>(CrosstermBackend<W>);

impl<W: Write> Quick<W> {
    pub fn new(writer: W) -> Self {
        Self(CrosstermBackend::new(writer))
    }
}

/// The attributes a modifier turns off when it goes, in the order they are sent. Bold and
/// dim go together (normal intensity), apart from these.
const OFF: [(Modifier, Attribute); 5] = [
    (Modifier::ITALIC, Attribute::NoItalic),
    (Modifier::UNDERLINED, Attribute::NoUnderline),
    (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
    (Modifier::HIDDEN, Attribute::NoHidden),
    (
        Modifier::SLOW_BLINK.union(Modifier::RAPID_BLINK),
        Attribute::NoBlink,
    ),
];

/// The attributes a modifier turns on when it comes, in the order they are sent.
const ON: [(Modifier, Attribute); 9] = [
    (Modifier::REVERSED, Attribute::Reverse),
    (Modifier::BOLD, Attribute::Bold),
    (Modifier::ITALIC, Attribute::Italic),
    (Modifier::UNDERLINED, Attribute::Underlined),
    (Modifier::DIM, Attribute::Dim),
    (Modifier::CROSSED_OUT, Attribute::CrossedOut),
    (Modifier::HIDDEN, Attribute::Hidden),
    (Modifier::SLOW_BLINK, Attribute::SlowBlink),
    (Modifier::RAPID_BLINK, Attribute::RapidBlink),
];

/// Sends what turns the attributes of `from` into those of `to`.
fn change_modifier(w: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let (gone, come) = (from - to, to - from);
    if gone.contains(Modifier::REVERSED) {
        set_attribute(w, Attribute::NoReverse)?;
    }
    // Normal intensity ends both bold and dim: what stays of them is sent again.
    let intensity = gone.intersects(Modifier::BOLD | Modifier::DIM);
    if intensity {
        set_attribute(w, Attribute::NormalIntensity)?;
        for (kept, attribute) in [
            (Modifier::DIM, Attribute::Dim),
            (Modifier::BOLD, Attribute::Bold),
        ] {
            if to.contains(kept) {
                set_attribute(w, attribute)?;
            }
        }
    }
    for (modifier, attribute) in OFF {
        if gone.intersects(modifier) {
            set_attribute(w, attribute)?;
        }
    }
    for (modifier, attribute) in ON {
        let resent = intensity && (Modifier::BOLD | Modifier::DIM).contains(modifier);
        if come.contains(modifier) && !resent {
            set_attribute(w, attribute)?;
        }
    }
    Ok(())
}

/// Moves the cursor to column `x`, row `y` (from 0), as crossterm's `MoveTo` does
/// (`ESC [ row ; column H`, from 1), without the formatting machinery.
#[cfg(unix)]
fn move_to(w: &mut impl Write, x: u16, y: u16) -> io::Result<()> {
    let mut code = [0u8; 16];
    let mut at = code.len();
    let mut put = |byte: u8| {
        at -= 1;
        code[at] = byte;
    };
    put(b'H');
    for (i, n) in [u32::from(x) + 1, u32::from(y) + 1].into_iter().enumerate() {
        if i == 1 {
            put(b';');
        }
        let mut n = n;
        loop {
            put(b'0' + u8::try_from(n % 10).unwrap_or(0));
            n /= 10;
            if n == 0 {
                break;
            }
        }
    }
    put(b'[');
    put(0x1b);
    w.write_all(&code[at..])
}

/// Moves the cursor with crossterm's own command, which falls back to the console API where
/// an old Windows console does not understand escape codes.
#[cfg(not(unix))]
fn move_to(w: &mut impl Write, x: u16, y: u16) -> io::Result<()> {
    queue!(w, ratatui::crossterm::cursor::MoveTo(x, y))
}

impl<W: Write> Backend for Quick<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let w = &mut self.0;
        let (mut fg, mut bg, mut underline) = (Color::Reset, Color::Reset, Color::Reset);
        let mut modifier = Modifier::empty();
        let mut last: Option<(u16, u16)> = None;
        for (x, y, cell) in content {
            if !last.is_some_and(|(lx, ly)| x == lx.wrapping_add(1) && y == ly) {
                move_to(w, x, y)?;
            }
            last = Some((x, y));
            if cell.modifier != modifier {
                change_modifier(w, modifier, cell.modifier)?;
                modifier = cell.modifier;
            }
            if cell.fg != fg || cell.bg != bg {
                set_colors(w, cell.fg, cell.bg)?;
                (fg, bg) = (cell.fg, cell.bg);
            }
            if cell.underline_color != underline {
                set_underline_color(w, cell.underline_color)?;
                underline = cell.underline_color;
            }
            w.write_all(cell.symbol().as_bytes())?;
        }
        queue!(
            w,
            SetForegroundColor(CrosstermColor::Reset),
            SetBackgroundColor(CrosstermColor::Reset),
            SetUnderlineColor(CrosstermColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.0.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.0.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Quick;
    use ratatui::backend::CrosstermBackend;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::{Terminal, TerminalOptions, Viewport};
    use std::cell::RefCell;
    use std::io::{self, Write};
    use std::rc::Rc;

    /// A frame of cells in every combination of colours and attributes (one of four cells
    /// left blank, so the cursor moves), drawn over a different frame.
    fn frames(seed: u64) -> (Buffer, Buffer) {
        let area = Rect::new(0, 0, 123, 11);
        let mut state = seed;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state >> 33
        };
        let colors = [
            Color::Reset,
            Color::Black,
            Color::Red,
            Color::Green,
            Color::Yellow,
            Color::Blue,
            Color::Magenta,
            Color::Cyan,
            Color::Gray,
            Color::DarkGray,
            Color::LightRed,
            Color::LightGreen,
            Color::LightYellow,
            Color::LightBlue,
            Color::LightMagenta,
            Color::LightCyan,
            Color::White,
            Color::Indexed(208),
            Color::Indexed(7),
            Color::Indexed(42),
            Color::Rgb(12, 200, 7),
            Color::Rgb(255, 0, 100),
        ];
        let mut make = || {
            let mut buffer = Buffer::empty(area);
            for y in 0..area.height {
                for x in 0..area.width {
                    let roll = next();
                    if roll % 4 == 0 {
                        continue;
                    }
                    let pick = |n: u64| colors[usize::try_from(n % 22).unwrap()];
                    let style = Style::new()
                        .fg(pick(roll >> 3))
                        .bg(pick(roll >> 8))
                        .underline_color(pick(roll >> 13))
                        .add_modifier(Modifier::from_bits_truncate(
                            u16::try_from((roll >> 18) & 0x1ff).unwrap(),
                        ));
                    let symbol = ["a", "é", "·", "█", "7"][usize::try_from(roll % 5).unwrap()];
                    buffer[(x, y)].set_symbol(symbol).set_style(style);
                }
            }
            buffer
        };
        (make(), make())
    }

    /// A writer whose bytes stay readable after the backend took it.
    #[derive(Clone, Default)]
    struct Shared(Rc<RefCell<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().write(buf)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// What a backend made by `backend` writes for the two frames, one after the other.
    fn output<B: ratatui::backend::Backend>(
        backend: impl Fn(Shared) -> B,
        frames: &(Buffer, Buffer),
    ) -> Vec<u8> {
        let written = Shared::default();
        let viewport = Viewport::Fixed(frames.0.area);
        let mut terminal =
            Terminal::with_options(backend(written.clone()), TerminalOptions { viewport }).unwrap();
        for frame in [&frames.0, &frames.1] {
            terminal.draw(|f| f.buffer_mut().clone_from(frame)).unwrap();
        }
        written.0.take()
    }

    /// The same bytes as ratatui's crossterm backend, frame after frame.
    #[test]
    fn writes_what_ratatuis_crossterm_backend_writes() {
        // As the app does (its theme decides about colour); the case without colours is
        // crossterm's own code.
        ratatui::crossterm::style::force_color_output(true);
        for seed in 0..40 {
            let frames = frames(seed);
            let theirs = output(CrosstermBackend::new, &frames);
            let ours = output(Quick::new, &frames);
            assert!(theirs.len() > 1000, "{seed}: a frame was drawn");
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs),
                "seed {seed}"
            );
        }
    }
}
