// A book whose notes fill printed pages of their own when print sets them as endnotes: three chapters, each
// with notes of every shape (one paragraph, several, a quotation, a list, a note long enough to run over a
// page), the text varied so that a page's first words name one place. `notes` and `print.notes` as asked.
// Its styles/custom.css starts each chapter's notes on a page of their own in print (with book-endnotes,
// each chapter's group after the first, the first under the Notes title), so that pages begin with the
// notes' headings too.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const PLACES = ['the harbour', 'the quay', 'the lighthouse', 'the customs house', 'the dry dock', 'the ropewalk', 'the chandlery', 'the pilot station'];
const DOINGS = ['was surveyed', 'was let', 'was closed for repairs', 'was sold at auction', 'was flooded', 'was rebuilt in stone', 'was inspected', 'was enlarged'];

/** A sentence that differs with every `n`. */
const sentence = (n: number) =>
  `In ${1850 + (n % 97)} ${PLACES[n % PLACES.length]} ${DOINGS[(n * 3) % DOINGS.length]}, and ${['Ann Hale', 'John Petch', 'Mary Coyle', 'Tom Rudd', 'Ellen Voss'][n % 5]} wrote of it in letter ${n}.`;
const paragraph = (n: number, sentences: number) => Array.from({ length: sentences }, (_, i) => sentence(n * 17 + i)).join(' ');

function note(chapter: number, k: number): string {
  // Letters numbered apart from the text's, ten paragraphs to a note: no two places read alike.
  const n = 100_000 + (chapter * 100 + k) * 10;
  const body = [
    () => paragraph(n, 3),
    () => `${paragraph(n, 4)}\n\n    ${paragraph(n + 1, 5)}\n\n    ${paragraph(n + 2, 3)}`,
    () => `> ${paragraph(n, 4)}\n\n    ${paragraph(n + 1, 2)}`,
    () => `- ${sentence(n)}\n    - ${sentence(n + 1)}\n    - ${sentence(n + 2)}`,
    () => Array.from({ length: 9 }, (_, i) => paragraph(n + i, 5)).join('\n\n    '),
  ][k % 5]!();
  return `[^${k}]: ${body}`;
}

export async function endnotesBook(dir: string, notes: { epub: 'chapter' | 'book'; print: 'chapter-endnotes' | 'book-endnotes' }): Promise<void> {
  await mkdir(join(dir, 'chapters'), { recursive: true });
  await mkdir(join(dir, 'styles'), { recursive: true });
  await writeFile(join(dir, 'styles', 'custom.css'), '.chapter-notes, .notes-group + .notes-group { break-before: page; }\n');
  const titles = ['The Survey', 'The Auction', 'The Flood'];
  await writeFile(join(dir, 'book.yaml'), `title: The Harbour Papers
creators:
  - name: Test Author
language: en-GB
identifier: urn:uuid:00000000-0000-4000-8000-0000000e0e0e
date: 2024-01-01
rights: © 2024 Test Author
notes: ${notes.epub}
print:
  notes: ${notes.print}
chapters:
${titles.map((_, c) => `  - chapters/0${c + 1}.md`).join('\n')}
`);
  for (const [c, title] of titles.entries()) {
    const count = 6 + c * 2;
    const text = Array.from({ length: 8 }, (_, p) => `${paragraph(c * 1000 + p * 10, 4)}${p < count ? `[^${p + 1}]` : ''}`);
    const extra = Array.from({ length: count - 8 > 0 ? count - 8 : 0 }, (_, i) => `${paragraph(c * 1000 + 500 + i, 2)}[^${i + 9}]`);
    const notesText = Array.from({ length: count }, (_, k) => note(c + 1, k + 1));
    await writeFile(join(dir, 'chapters', `0${c + 1}.md`), `# ${title}\n\n${[...text, ...extra].join('\n\n')}\n\n${notesText.join('\n\n')}\n`);
  }
}
