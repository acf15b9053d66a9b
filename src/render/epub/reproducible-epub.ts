// epub-gen-memory's EPub, made reproducible: image files named after the manuscript's images instead of
// random UUIDs, every zip entry dated from the book's epoch, plus files it has no option for (font licence).
import { EPub } from 'epub-gen-memory';
import type { Content, Options } from 'epub-gen-memory';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ExtraFile {
  /** Path inside OEBPS/. */
  href: string;
  data: Buffer | string;
}

export class ReproducibleEpub extends EPub {
  #date: Date;
  #extra: ExtraFile[];

  constructor(options: Options, content: Content, epoch: number, extra: ExtraFile[] = []) {
    super(options, content);
    this.#date = new Date(epoch * 1000);
    this.#extra = extra;
    this.uuid = 'unused';
    this.#renameImages();
    // It fills an empty alt with "image-placeholder", which screen readers would read out; keep it empty.
    for (const chapter of this.content) chapter.content = chapter.content.replaceAll(' alt="image-placeholder"', ' alt=""');
  }

  /** Image ids from the file names (`images/map.png` → `map`), unique, in order of first use. */
  #renameImages(): void {
    const used = new Set<string>();
    const renames = new Map<string, string>();
    for (const image of this.images) {
      const source = image.url.startsWith('file:') ? fileURLToPath(image.url) : image.url;
      const stem = path.basename(source).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]/g, '-') || 'image';
      let id = stem;
      for (let n = 2; used.has(id); n++) id = `${stem}-${n}`;
      used.add(id);
      renames.set(`images/${image.id}.${image.extension}`, `images/${id}.${image.extension}`);
      image.id = id;
    }
    if (renames.size === 0) return;
    const pattern = new RegExp([...renames.keys()].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    for (const chapter of this.content) {
      chapter.content = chapter.content.replace(pattern, (m) => renames.get(m) ?? m);
    }
  }

  /** Render with epub-gen-memory, add our extra files, then fix every entry's timestamp. */
  async build(): Promise<Buffer> {
    await this.render();
    const oebps = this.zip.folder('OEBPS');
    if (!oebps) throw new Error('epub-gen-memory produced no OEBPS folder');
    for (const file of this.#extra) oebps.file(file.href, file.data);
    for (const entry of Object.values(this.zip.files)) entry.date = this.#date;
    return this.zip.generateAsync({
      type: 'nodebuffer',
      mimeType: 'application/epub+zip',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
  }
}
