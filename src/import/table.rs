//! Reading the CSV exports of Strava and Garmin Connect: rows with their line numbers (counted
//! by us: the `csv` crate's are off for CRLF files), columns found by name and position (Strava
//! repeats some names), and a header in another language recognised as such.

use super::{BadRow, FileError};

/// A CSV file's header and its rows, each with the line it starts on. A row the CSV reader
/// cannot split is returned as a [`BadRow`].
pub(crate) struct CsvRows {
    pub header: Vec<String>,
    pub rows: Vec<Result<(usize, csv::StringRecord), BadRow>>,
}

impl CsvRows {
    pub(crate) fn read(text: &str, what: &str) -> Result<Self, FileError> {
        let text = text.trim_start_matches('\u{feff}');
        let lines = LineIndex::new(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
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
                    let line = record.position().map_or(0, |p| lines.line(p.byte()));
                    Ok((line, record))
                }
                Err(e) => Err(BadRow {
                    place: e.position().map_or_else(
                        || "a row".to_owned(),
                        |p| format!("line {}", lines.line(p.byte())),
                    ),
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

/// Where each line of a text starts, to turn a byte offset into a line number.
struct LineIndex<'t> {
    text: &'t [u8],
    newlines: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    fn new(text: &'t str) -> Self {
        let text = text.as_bytes();
        let newlines = text
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .map(|(i, _)| i)
            .collect();
        Self { text, newlines }
    }

    /// The 1-based line of the record starting at `byte` (the reader may point at the end of
    /// the previous line's `\r\n`: step over line ends first).
    fn line(&self, byte: u64) -> usize {
        let mut at = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while at < self.text.len() && matches!(self.text[at], b'\r' | b'\n') {
            at += 1;
        }
        1 + self.newlines.partition_point(|&n| n < at)
    }
}

/// Words that start the header of a Strava or Garmin export in another language (German,
/// French, Spanish, Italian, Dutch, Portuguese).
const FOREIGN_WORDS: &[&str] = &[
    "aktivit",
    "datum",
    "distanz",
    "titel",
    "zeit",
    "activité",
    "activite",
    "date de",
    "titre",
    "durée",
    "actividad",
    "fecha",
    "distancia",
    "título",
    "tiempo",
    "attività",
    "attivita",
    "data dell",
    "titolo",
    "distanza",
    "activiteit",
    "afstand",
    "atividade",
    "distância",
    "tipo de",
    "tipo di",
];

/// A header cell showing the file is in another language, if one does.
pub(crate) fn foreign_header(header: &[String]) -> Option<&str> {
    header.iter().map(String::as_str).find(|cell| {
        let lower = cell.to_lowercase();
        !cell.is_ascii() || FOREIGN_WORDS.iter().any(|w| lower.starts_with(w))
    })
}

/// The message for a file whose header is in another language.
pub(crate) fn foreign_message(app: &str, cell: &str) -> FileError {
    FileError(format!(
        "the header is in another language (`{cell}`): stridelog reads {app}'s English \
         export; set {app}'s language to English and export the file again"
    ))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_are_right_for_crlf_files() {
        let text = "a,b\r\n1,2\r\n\"multi\r\nline\",3\r\n4,5\r\n";
        let csv = CsvRows::read(text, "file").unwrap();
        let lines: Vec<usize> = csv.rows.iter().map(|r| r.as_ref().unwrap().0).collect();
        assert_eq!(lines, [2, 3, 5]);
        let csv = CsvRows::read(&text.replace("\r\n", "\n"), "file").unwrap();
        let lines: Vec<usize> = csv.rows.iter().map(|r| r.as_ref().unwrap().0).collect();
        assert_eq!(lines, [2, 3, 5]);
    }

    #[test]
    fn a_header_in_another_language_is_recognised() {
        let german: Vec<String> = ["Aktivitäts-ID", "Datum der Aktivität"]
            .map(String::from)
            .into();
        assert_eq!(foreign_header(&german), Some("Aktivitäts-ID"));
        let english: Vec<String> = ["Activity ID", "Activity Date"].map(String::from).into();
        assert_eq!(foreign_header(&english), None);
    }
}
