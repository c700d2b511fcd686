//! Reading the CSV exports of Strava and Garmin Connect: rows with their line numbers, columns
//! found by name and position (Strava repeats some names).

use super::{BadRow, FileError};

/// A CSV file's header and its rows, each with the line it starts on. A row the CSV reader
/// cannot split is returned as a [`BadRow`].
pub(crate) struct CsvRows {
    pub header: Vec<String>,
    pub rows: Vec<Result<(usize, csv::StringRecord), BadRow>>,
}

impl CsvRows {
    pub(crate) fn read(text: &str, what: &str) -> Result<Self, FileError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let mut records = reader.records();
        let header = match records.next() {
            Some(Ok(record)) => record.iter().map(|h| h.trim().to_owned()).collect(),
            Some(Err(e)) => {
                return Err(FileError(format!(
                    "the header of the {what} cannot be read: {e}"
                )));
            }
            None => return Err(FileError(format!("the {what} is empty"))),
        };
        let rows = records
            .map(|record| match record {
                Ok(record) => {
                    let line = record.position().map_or(0, |p| p.line() as usize);
                    Ok((line, record))
                }
                Err(e) => Err(BadRow {
                    place: e
                        .position()
                        .map_or_else(|| "a row".to_owned(), |p| format!("line {}", p.line())),
                    message: e.to_string(),
                }),
            })
            .collect();
        Ok(Self { header, rows })
    }

    /// Every position of a column named `name` (some exports repeat names).
    pub(crate) fn positions(&self, name: &str) -> Vec<usize> {
        self.header
            .iter()
            .enumerate()
            .filter(|(_, h)| h.eq_ignore_ascii_case(name))
            .map(|(i, _)| i)
            .collect()
    }

    /// The first position of the first of `names` present.
    pub(crate) fn first_of(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|name| self.positions(name).first().copied())
    }
}

/// A field of a row by position, or a message naming the column when the row is too short.
pub(crate) fn field<'r>(
    record: &'r csv::StringRecord,
    index: usize,
    column: &str,
) -> Result<&'r str, String> {
    record.get(index).map(str::trim).ok_or_else(|| {
        format!(
            "has {} fields, too few to reach `{column}` (column {})",
            record.len(),
            index + 1
        )
    })
}
