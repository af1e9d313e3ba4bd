import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/** A4 in PDF points, the margins, and the colours of a quote page. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 50;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.4, 0.4, 0.45);
const RULE = rgb(0.8, 0.8, 0.83);

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  muted?: boolean;
  /** Right-aligned at x (x is the right edge). */
  alignRight?: boolean;
  /** The widest the text may be; longer text ends in "…". */
  maxWidth?: number;
}

/**
 * The standard fonts encode WinAnsi only: a character outside it becomes its base letter where it has one
 * (ő → o) and "?" otherwise, so any name prints instead of failing the quote.
 */
function printable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return Array.from(text.replace(/[\r\n\t]+/g, ' '))
    .map((char) => {
      if (supported.has(char.codePointAt(0) ?? 0)) return char;
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
      return Array.from(base).every((c) => supported.has(c.codePointAt(0) ?? 0)) && base !== '' ? base : '?';
    })
    .join('');
}

/** Writes a page top-down: a cursor `y`, text at a column, rules, wrapped paragraphs. */
export class PageWriter {
  y = A4.height - MARGIN;

  constructor(
    private readonly page: PDFPage,
    private readonly fonts: Fonts,
  ) {}

  private fit(text: string, font: PDFFont, size: number, maxWidth: number): string {
    let fitted = printable(font, text);
    if (font.widthOfTextAtSize(fitted, size) <= maxWidth) return fitted;
    while (fitted.length > 1 && font.widthOfTextAtSize(`${fitted}...`, size) > maxWidth)
      fitted = fitted.slice(0, -1);
    return `${fitted}...`;
  }

  /** Text at (x, current y), one line. */
  text(x: number, value: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    const room = style.alignRight ? x - MARGIN : A4.width - MARGIN - x;
    const line = this.fit(value, font, size, style.maxWidth ?? room);
    const at = style.alignRight ? x - font.widthOfTextAtSize(line, size) : x;
    this.page.drawText(line, { x: at, y: this.y, size, font, color: style.muted ? MUTED : INK });
  }

  /** Moves the cursor down by `points`. */
  down(points: number): void {
    this.y -= points;
  }

  /** A thin horizontal rule across the page at the cursor. */
  rule(): void {
    const y = this.y;
    this.page.drawLine({
      start: { x: MARGIN, y },
      end: { x: A4.width - MARGIN, y },
      thickness: 0.5,
      color: RULE,
    });
  }

  /** A paragraph wrapped to the width, at most `maxLines` lines (the last ends in "…" when cut). */
  paragraph(x: number, value: string, maxLines: number, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    const width = style.maxWidth ?? A4.width - MARGIN - x;
    const lines: string[] = [];
    for (const word of printable(font, value).split(/\s+/).filter(Boolean)) {
      const last = lines.at(-1);
      if (last !== undefined && font.widthOfTextAtSize(`${last} ${word}`, size) <= width)
        lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    const shown = lines.slice(0, maxLines);
    if (lines.length > maxLines) shown[maxLines - 1] = `${shown[maxLines - 1]} ${lines[maxLines]}`;
    for (const line of shown) {
      this.text(x, line, { ...style, maxWidth: width });
      this.down(size * 1.4);
    }
  }
}
