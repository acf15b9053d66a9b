// Standard manuscript layout as Word styles: 12 pt Times New Roman, double spaced, first lines indented half an
// inch, chapter titles a third of the way down (each chapter heading paragraph breaks the page). Every style is named as the import maps it back
// (src/import/style-map.ts), so that import(export(book)) gives the same Markdown.
import { AlignmentType, type IStylesOptions, type IParagraphStyleOptions } from 'docx';
import { KIND_NAMES } from '../../book/kinds.ts';
import { kindHeadingStyle } from '../../import/style-map.ts';

const DOUBLE = 480;
const SINGLE = 240;
const INCH = 1440;

/** Style id for a style name: `Scene Break` → `SceneBreak`. */
export function styleId(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '');
}

const para = (name: string, options: Omit<IParagraphStyleOptions, 'id' | 'name'> = {}): IParagraphStyleOptions => ({
  id: styleId(name), name, basedOn: 'Normal', next: 'Normal', quickFormat: true, ...options,
});

const chapterHeading = (name: string): IParagraphStyleOptions => para(name, {
  run: { size: 24, bold: false, allCaps: false },
  paragraph: { alignment: AlignmentType.CENTER, keepNext: true, outlineLevel: 0, spacing: { before: 3 * INCH, after: INCH, line: DOUBLE }, indent: { firstLine: 0 } },
});

const flush = { indent: { firstLine: 0 } };

export function manuscriptStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: 'Times New Roman', size: 24 },
        paragraph: { spacing: { line: DOUBLE, before: 0, after: 0 }, indent: { firstLine: INCH / 2 } },
      },
    },
    paragraphStyles: [
      chapterHeading('Heading 1'),
      ...KIND_NAMES.filter((k) => k !== 'chapter').map((k) => chapterHeading(kindHeadingStyle(k))),
      ...[2, 3, 4, 5, 6].map((n) => para(`Heading ${n}`, { run: { size: 24, bold: n === 2, italics: n > 2 }, paragraph: { keepNext: true, outlineLevel: n - 1, spacing: { before: DOUBLE / 2 }, ...flush } })),
      para('Title', { run: { size: 32 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 3 * INCH }, ...flush } }),
      para('Subtitle', { run: { size: 24 }, paragraph: { alignment: AlignmentType.CENTER, ...flush } }),
      para('Author', { paragraph: { alignment: AlignmentType.CENTER, spacing: { before: DOUBLE }, ...flush } }),
      para('First Paragraph', { paragraph: flush }),
      para('Quote', { paragraph: { indent: { left: INCH / 2, right: INCH / 2, firstLine: 0 } } }),
      para('Epigraph', { run: { italics: false }, paragraph: { indent: { left: INCH, right: INCH / 2, firstLine: 0 } } }),
      para('Dedication', { paragraph: { alignment: AlignmentType.CENTER, ...flush } }),
      para('Verse', { paragraph: { indent: { left: INCH / 2, firstLine: 0 } } }),
      para('Scene Break', { paragraph: { alignment: AlignmentType.CENTER, ...flush } }),
      para('Source Code', { run: { font: 'Courier New', size: 20 }, paragraph: { spacing: { line: SINGLE }, ...flush } }),
      para('Image Caption', { run: { italics: true }, paragraph: { alignment: AlignmentType.CENTER, ...flush } }),
      para('Table Caption', { run: { italics: true }, paragraph: flush }),
      para('Figure', { paragraph: { alignment: AlignmentType.CENTER, keepNext: true, ...flush } }),
      para('Definition Term', { run: { bold: true }, paragraph: { keepNext: true, ...flush } }),
      para('Definition', { paragraph: { indent: { left: INCH / 2, firstLine: 0 } } }),
      para('Bibliography', { paragraph: { indent: { left: INCH / 2, hanging: INCH / 2 } } }),
      para('Compact', { paragraph: { spacing: { line: DOUBLE }, ...flush } }),
      para('Footnote Text', { run: { size: 20 }, paragraph: { spacing: { line: SINGLE, after: 120 }, indent: { firstLine: 0 } } }),
    ],
    characterStyles: [
      { id: 'SmallCaps', name: 'Small Caps', basedOn: 'DefaultParagraphFont', run: { smallCaps: true }, quickFormat: true },
      { id: 'VerbatimChar', name: 'Verbatim Char', basedOn: 'DefaultParagraphFont', run: { font: 'Courier New', size: 20 } },
      { id: 'Hyperlink', name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { underline: {} } },
    ],
  };
}
