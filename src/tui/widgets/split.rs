//! Cutting an area into rows or columns, quickly: plain arithmetic when the lengths allow it,
//! ratatui's constraint solver otherwise.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

/// `area` cut as `Layout::new(direction, constraints).areas(area)` cuts it. When every
/// constraint is a `Length` but one `Min` and they fit, that is plain arithmetic (the lengths
/// as given, the `Min` taking the rest), done here without ratatui's constraint solver: its
/// first solve of a layout (the cache is empty at start) cost more than the rest of the first
/// frame's drawing. Anything else goes to the solver.
pub fn split<const N: usize>(
    direction: Direction,
    area: Rect,
    constraints: [Constraint; N],
) -> [Rect; N] {
    let size = match direction {
        Direction::Vertical => area.height,
        Direction::Horizontal => area.width,
    };
    let mut fill = None;
    let mut fixed: u32 = 0;
    for (i, constraint) in constraints.iter().enumerate() {
        match *constraint {
            Constraint::Length(n) => fixed += u32::from(n),
            Constraint::Min(n) if fill.is_none() => {
                fill = Some(i);
                fixed += u32::from(n);
            }
            _ => return Layout::new(direction, constraints).areas(area),
        }
    }
    let Some(fill) = fill.filter(|_| fixed <= u32::from(size)) else {
        return Layout::new(direction, constraints).areas(area);
    };
    let mut start = 0;
    let sizes = constraints.map(|constraint| match constraint {
        Constraint::Length(n) => n,
        _ => 0,
    });
    let taken: u16 = sizes.iter().sum();
    let mut areas = [Rect::default(); N];
    for (i, rect) in areas.iter_mut().enumerate() {
        let length = if i == fill { size - taken } else { sizes[i] };
        *rect = match direction {
            Direction::Vertical => Rect {
                y: area.y + start,
                height: length,
                ..area
            },
            Direction::Horizontal => Rect {
                x: area.x + start,
                width: length,
                ..area
            },
        };
        start += length;
    }
    areas
}

#[cfg(test)]
mod tests {
    use super::split;
    use proptest::prelude::*;
    use ratatui::layout::{Constraint, Direction, Layout, Rect};

    fn constraint() -> impl Strategy<Value = Constraint> {
        prop_oneof![
            4 => (0u16..40).prop_map(Constraint::Length),
            1 => (0u16..40).prop_map(Constraint::Min),
            1 => (0u16..100).prop_map(Constraint::Percentage),
        ]
    }

    fn same_as_layout<const N: usize>(direction: Direction, area: Rect, c: [Constraint; N]) {
        assert_eq!(
            split(direction, area, c),
            Layout::new(direction, c).areas(area),
            "{direction:?} {area:?} {c:?}"
        );
    }

    #[test]
    fn cuts_the_app_and_log_tab_shapes_as_the_solver_does() {
        use Constraint::{Length as L, Min as M};
        for (w, h) in [
            (0, 0),
            (1, 1),
            (60, 18),
            (80, 24),
            (85, 30),
            (86, 40),
            (200, 60),
        ] {
            for (x, y) in [(0, 0), (3, 2)] {
                let area = Rect::new(x, y, w, h);
                for banner in [0, 1, 5, 30] {
                    for (ro, notice) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                        let rows = [L(1), L(banner), L(ro), L(notice), M(0), L(1), L(1)];
                        same_as_layout(Direction::Vertical, area, rows);
                    }
                }
                for list in [18, 24, 30] {
                    same_as_layout(Direction::Horizontal, area, [L(list), M(0)]);
                }
                same_as_layout(Direction::Horizontal, area, [L(48), L(1), M(0)]);
                for spark in [2, 3] {
                    same_as_layout(Direction::Vertical, area, [L(spark), L(1), M(0)]);
                }
                for notices in [0, 1, 4, 12] {
                    for footer in [0, 2, 3, 9] {
                        let form = [L(notices), M(3), L(1), L(footer)];
                        same_as_layout(Direction::Vertical, area, form);
                    }
                }
            }
        }
    }

    proptest! {
        #[test]
        fn cuts_as_the_solver_does(
            c in prop::array::uniform4(constraint()),
            (x, y, w, h) in (0u16..50, 0u16..50, 0u16..120, 0u16..120),
            vertical in any::<bool>(),
        ) {
            let direction = if vertical { Direction::Vertical } else { Direction::Horizontal };
            same_as_layout(direction, Rect::new(x, y, w, h), c);
        }
    }
}
