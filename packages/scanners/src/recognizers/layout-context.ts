/**
 * Labels that sit away from their values because of the text's layout:
 * - a column header in a CSV, TSV or pipe table ("ssn" above a column of numbers), often many lines up;
 * - the colon-ended heading of an indented list ("Passport details:" above "Ann Lee: 912803456").
 * Both are out of reach of the word window, so the context check asks this class for them.
 *
 * Work is proportional to the text: line starts are computed once per text, each line's table header
 * is memoised, and a list heading is looked for at most a fixed number of lines up.
 */

const DELIMITERS = ['|', '\t', ',', ';'] as const;
const MIN_DELIMITERS = 2;
// Lines longer than this are prose or data blobs, not table rows worth parsing.
const MAX_ROW_LENGTH = 4000;
// A header names columns; a line with a long digit run is a data row.
const DATA_ROW = /\d{5}/;

/** Offsets where each cell starts in a delimited line, ignoring delimiters inside double quotes. */
function cellStarts(line: string, delimiter: string): number[] {
  const starts = [0];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) starts.push(i + 1);
  }
  return starts;
}

function delimiterOf(line: string): string | undefined {
  if (line.length > MAX_ROW_LENGTH) return undefined;
  return DELIMITERS.find((d) => cellStarts(line, d).length > MIN_DELIMITERS);
}

// How far up a list heading is looked for, and how much of its end is checked for the colon.
const MAX_LIST_LINES = 50;
const MAX_HEADING_TAIL = 8;

// Deeper indentation than this is layout noise; capping it keeps each line check constant-time.
const MAX_INDENT = 64;

/** Leading spaces and tabs (capped); list items nest by indentation. */
function indentationOf(line: string): number {
  let i = 0;
  while (i < line.length && i < MAX_INDENT && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

function isBlank(line: string): boolean {
  const indent = indentationOf(line);
  return indent === line.length || (indent === MAX_INDENT && line.trim() === '');
}

// Header cells are short labels ("ssn", "Passport No."), unlike the clauses of a comma-heavy paragraph.
const MAX_HEADER_CELL_LENGTH = 40;
const MAX_HEADER_CELL_WORDS = 4;
const MIN_COLUMNS = 3;

function looksLikeHeader(cells: string[]): boolean {
  return (
    cells.length >= MIN_COLUMNS &&
    cells.every((cell) => cell.length <= MAX_HEADER_CELL_LENGTH && cell.trim().split(/\s+/).length <= MAX_HEADER_CELL_WORDS)
  );
}

/** Where a table row lies in the text and the header cell above one of its values. */
export interface TableCell {
  rowStart: number;
  rowEnd: number;
  header: string;
}

export class LayoutContext {
  private lineStarts: number[] | undefined;
  /** For each table line examined: the index of its table's header line. */
  private readonly headerLine = new Map<number, number>();

  constructor(private readonly text: string) {}

  /** The row holding the value that starts at `start` and the header cell above it, or undefined outside a table. */
  cellAt(start: number): TableCell | undefined {
    const starts = this.starts();
    const lineIndex = this.lineIndexAt(starts, start);
    const line = this.line(lineIndex);
    const delimiter = delimiterOf(line);
    if (delimiter === undefined) return undefined;
    const headerIndex = this.headerLineOf(lineIndex, delimiter);
    if (headerIndex === lineIndex) return undefined;
    const header = this.line(headerIndex);
    if (DATA_ROW.test(header)) return undefined;

    const headerStarts = cellStarts(header, delimiter);
    const headerCells = headerStarts.map((from, i) => header.slice(from, i + 1 < headerStarts.length ? headerStarts[i + 1]! - 1 : header.length));
    if (!looksLikeHeader(headerCells)) return undefined;
    const rowCells = cellStarts(line, delimiter);
    const rowStart = starts[lineIndex]!;
    const offset = start - rowStart;
    let column = rowCells.length - 1;
    while (column > 0 && rowCells[column]! > offset) column--;
    // Rows with stray unquoted delimiters in an early cell ("NGUYEN, VAN") still line up from the right.
    const headerColumn = rowCells.length === headerCells.length ? column : headerCells.length - (rowCells.length - column);
    const cell = headerCells[headerColumn];
    if (cell === undefined) return undefined;
    return { rowStart, rowEnd: rowStart + line.length, header: cell };
  }

  /** The text of the header cell above the value starting at `start`, or undefined outside a table. */
  headerCell(start: number): string | undefined {
    return this.cellAt(start)?.header;
  }

  /**
   * The heading of the indented list holding the value at `start`: the nearest line above with less
   * indentation, when it ends with a colon ("Passport details for the delegation:"). Undefined when the
   * value's line is not indented under such a heading.
   */
  listHeadingAt(start: number): string | undefined {
    const starts = this.starts();
    const lineIndex = this.lineIndexAt(starts, start);
    const indent = indentationOf(this.line(lineIndex));
    if (indent === 0) return undefined;
    for (let index = lineIndex - 1; index >= 0 && lineIndex - index <= MAX_LIST_LINES; index--) {
      const line = this.line(index);
      if (isBlank(line)) return undefined;
      const lineIndent = indentationOf(line);
      if (lineIndent < indent) return /:\s*$/.test(line.slice(-MAX_HEADING_TAIL)) ? line : undefined;
    }
    return undefined;
  }

  private starts(): number[] {
    if (this.lineStarts === undefined) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  private lineIndexAt(starts: number[], offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private line(index: number): string {
    const starts = this.starts();
    const end = index + 1 < starts.length ? starts[index + 1]! - 1 : this.text.length;
    const line = this.text.slice(starts[index]!, end);
    // endsWith, not a /\r$/ regex: an unanchored search would rescan a long line for every value on it.
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }

  /** The first line of the block of consecutive delimited lines containing `index`. */
  private headerLineOf(index: number, delimiter: string): number {
    const walked: number[] = [];
    let current = index;
    let header = index;
    for (;;) {
      const known = this.headerLine.get(current);
      if (known !== undefined) {
        header = known;
        break;
      }
      walked.push(current);
      const previous = current - 1;
      if (previous < 0 || delimiterOf(this.line(previous)) !== delimiter) {
        header = current;
        break;
      }
      current = previous;
    }
    for (const line of walked) this.headerLine.set(line, header);
    return header;
  }
}
