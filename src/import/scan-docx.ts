// What mammoth does not convert, found in the .docx's own XML: tracked changes (w:ins, w:del, w:moveFrom,
// w:moveTo, formatting changes), comments, text boxes (w:txbxContent), fields (w:fldSimple, w:instrText) and
// runs marked in another language than the document's (w:lang).
// Each finding says where it was: the paragraph's number in the body, and the heading it comes under.
import type JSZip from 'jszip';

export type FindingKind = 'tracked-change' | 'comment' | 'text-box' | 'field' | 'language';

export interface Finding {
  kind: FindingKind;
  /** 1-based number of the body paragraph (tables' paragraphs included, text boxes' not); 0 in a note. */
  paragraph: number;
  /** Text of the last heading (or title) before it, if any. */
  heading?: string;
  /** `footnote 3`, `endnote 1`, when the finding is inside a note. */
  note?: string;
  /** What it was: inserted or deleted text, the comment's text, the box's text, the field's instruction, `fr-FR: “text”`. */
  detail: string;
}

/** Heading-like styles by name: the paragraphs a place is said to be "under". */
const HEADING_STYLE = /^(heading \d|title)$/i;

export async function scanDocx(zip: JSZip, chapterStyle?: string): Promise<Finding[]> {
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const styleNames = parseStyleNames(await read('word/styles.xml'));
  const comments = parseComments(await read('word/comments.xml'));
  const isHeading = (id: string | undefined) => {
    const name = id ? (styleNames.get(id) ?? id) : '';
    return HEADING_STYLE.test(name) || (chapterStyle !== undefined && name.toLowerCase() === chapterStyle.toLowerCase());
  };
  const styles = await read('word/styles.xml');
  const defaults = /<w:docDefaults\b[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
  const language = /<w:lang\b[^>]*w:val="([^"]*)"/.exec(defaults)?.[1];
  const found = scanPart(await read('word/document.xml'), { comments, isHeading, language });
  for (const kind of ['footnote', 'endnote'] as const) {
    const xml = await read(`word/${kind}s.xml`);
    for (const m of xml.matchAll(new RegExp(`<w:${kind}\\b([^>]*)>([\\s\\S]*?)</w:${kind}>`, 'g'))) {
      const id = /w:id="(-?\d+)"/.exec(m[1])?.[1];
      if (!id || Number(id) <= 0 || /w:type="(separator|continuationSeparator|continuationNotice)"/.test(m[1])) continue;
      for (const f of scanPart(m[2], { comments, isHeading, language })) found.push({ ...f, paragraph: 0, heading: undefined, note: `${kind} ${id}` });
    }
  }
  return found;
}

interface PartContext {
  comments: Map<string, string>;
  isHeading: (styleId: string | undefined) => boolean;
  /** The document's language (w:docDefaults); runs in another language (by primary subtag) are reported. */
  language?: string;
}

const primary = (tag: string) => tag.toLowerCase().split('-')[0];

const TAG = /<(\/?)([A-Za-z]+:[A-Za-z]+)((?:\s+[^\s=>]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;

/** One pass over a part's XML with a small tag tokenizer: the parts are machine-written, namespaced, well formed. */
function scanPart(xml: string, ctx: PartContext): Finding[] {
  const found: Finding[] = [];
  let paragraph = 0;
  let heading: string | undefined;
  let pDepth = 0;
  let boxDepth = 0;
  let styleId: string | undefined;
  let paragraphText = '';
  // Open collectors: a change, a text box or a field, gathering text until it closes.
  const open: { tag: string; finding: Finding; depth: number }[] = [];
  let fieldInstr: Finding | undefined;
  let depth = 0;
  // The run being read: its language (w:rPr/w:lang) and text; consecutive runs in one language are one finding.
  let runLanguage: string | undefined;
  let runText = '';
  let inRun = false;
  let inT = false;
  let lastLanguage: { finding: Finding; language: string; text: string } | undefined;
  const add = (kind: FindingKind, detail: string) => {
    const f: Finding = { kind, paragraph, heading, detail };
    found.push(f);
    return f;
  };
  for (const m of xml.matchAll(TAG)) {
    const [, close, name, attrs = '', selfClosing, text] = m;
    if (text !== undefined) {
      const t = decode(text);
      if (pDepth > 0 && boxDepth === 0) paragraphText += t;
      if (inRun && inT) runText += t;
      for (const o of open) o.finding.detail += t;
      continue;
    }
    const attr = (a: string) => new RegExp(`${a}="([^"]*)"`).exec(attrs)?.[1];
    if (close) {
      depth--;
      while (open.length && open[open.length - 1].depth === depth && open[open.length - 1].tag === name) {
        const o = open.pop()!;
        o.finding.detail = o.finding.detail.replace(/\s+/g, ' ').trim();
      }
      if (name === 'w:txbxContent') boxDepth--;
      if (name === 'w:p') {
        pDepth--;
        if (pDepth === 0 && boxDepth === 0 && ctx.isHeading(styleId) && paragraphText.trim()) heading = paragraphText.trim();
      }
      if (name === 'w:instrText') fieldInstr = undefined;
      if (name === 'w:t') inT = false;
      if (name === 'w:r' && inRun) {
        inRun = false;
        if (runLanguage && ctx.language && primary(runLanguage) !== primary(ctx.language) && runText.trim()) {
          if (lastLanguage && lastLanguage.finding.paragraph === paragraph && lastLanguage.language === runLanguage) lastLanguage.text += runText;
          else lastLanguage = { finding: add('language', ''), language: runLanguage, text: runText };
          lastLanguage.finding.detail = `${runLanguage}: “${lastLanguage.text.replace(/\s+/g, ' ').trim()}”`;
        } else if (runText.trim()) lastLanguage = undefined;
      }
      continue;
    }
    if (name === 'w:r' && pDepth > 0 && !selfClosing) {
      inRun = true;
      runLanguage = undefined;
      runText = '';
    } else if (name === 'w:lang' && inRun) {
      runLanguage = attr('w:val');
    } else if (name === 'w:t' && inRun && !selfClosing) {
      inT = true;
    }
    if (name === 'w:p') {
      if (pDepth === 0 && boxDepth === 0) {
        paragraph++;
        styleId = undefined;
        paragraphText = '';
        lastLanguage = undefined;
      }
      if (!selfClosing) pDepth++;
    } else if (name === 'w:pStyle' && pDepth === 1 && boxDepth === 0) {
      styleId = attr('w:val');
    } else if (name === 'w:ins' || name === 'w:del' || name === 'w:moveFrom' || name === 'w:moveTo') {
      const what = { 'w:ins': 'insertion', 'w:del': 'deletion', 'w:moveFrom': 'move (from)', 'w:moveTo': 'move (to)' }[name];
      const f = add('tracked-change', '');
      f.detail = `${what} by ${attr('w:author') ?? 'unknown'}: `;
      if (!selfClosing) open.push({ tag: name, finding: f, depth });
      else f.detail += '(a paragraph mark)';
    } else if (name === 'w:rPrChange' || name === 'w:pPrChange') {
      add('tracked-change', `formatting change by ${attr('w:author') ?? 'unknown'}`);
    } else if (name === 'w:commentReference') {
      const id = attr('w:id') ?? '';
      add('comment', ctx.comments.get(id) ?? `comment ${id}`);
    } else if (name === 'w:txbxContent') {
      // A box drawn twice (mc:Choice and its mc:Fallback) is one text box: report the first copy only.
      const f: Finding = { kind: 'text-box', paragraph, heading, detail: '' };
      const last = found[found.length - 1];
      if (!(last && last.kind === 'text-box' && last.paragraph === paragraph && inFallback(xml, m.index!))) found.push(f);
      boxDepth++;
      if (!selfClosing) open.push({ tag: name, finding: f, depth });
    } else if (name === 'w:fldSimple') {
      add('field', (attr('w:instr') ?? '').trim());
    } else if (name === 'w:instrText') {
      fieldInstr = add('field', '');
      if (!selfClosing) open.push({ tag: name, finding: fieldInstr, depth });
    }
    if (!selfClosing) depth++;
  }
  // A field's instruction may be split over runs; HYPERLINK fields are converted to links, so not reported.
  return found.filter((f) => f.detail !== '' || f.kind !== 'field').filter((f) => !(f.kind === 'field' && /^HYPERLINK\b/i.test(f.detail)))
    .filter((f) => !(f.kind === 'text-box' && f.detail === ''));
}

function inFallback(xml: string, at: number): boolean {
  const before = xml.lastIndexOf('<mc:Fallback', at);
  return before >= 0 && xml.lastIndexOf('</mc:Fallback>', at) < before;
}

function parseStyleNames(xml: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const name = /<w:name w:val="([^"]*)"/.exec(m[2])?.[1];
    if (name) names.set(m[1], decode(name));
  }
  return names;
}

function parseComments(xml: string): Map<string, string> {
  const comments = new Map<string, string>();
  for (const m of xml.matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)) {
    const id = /w:id="([^"]*)"/.exec(m[1])?.[1];
    const author = /w:author="([^"]*)"/.exec(m[1])?.[1];
    const text = [...m[2].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join('').trim();
    if (id !== undefined) comments.set(id, `${author ? `${decode(author)}: ` : ''}“${text}”`);
  }
  return comments;
}

function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'"
      : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))));
}
