//! A bare ratatui app: alternate screen and raw mode, one bordered frame, restore, exit.
//! `scripts/bench.sh` times stridelog's first frame against it.

use ratatui::widgets::Block;

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    terminal.draw(|frame| frame.render_widget(Block::bordered().title(" floor "), frame.area()))?;
    ratatui::restore();
    Ok(())
}
