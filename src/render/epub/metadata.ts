// Package metadata for the OPF template: everything already decided, so the template only prints.
import type { Book } from '../../book/model.ts';

export const CONFORMS_TO = 'EPUB Accessibility 1.1 - WCAG 2.2 Level AA';

export interface PackageCreator {
  id: string;
  element: 'creator' | 'contributor';
  name: string;
  role: string;
  fileAs?: string;
}

export interface PackageMetadata {
  identifier: string;
  /** ONIX code list 5: 15 = ISBN-13. */
  identifierType?: string;
  title: string;
  subtitle?: string;
  creators: PackageCreator[];
  language: string;
  date: string;
  modified: string;
  publisher?: string;
  rights: string;
  description?: string;
  subjects: string[];
  accessModes: string[];
  accessModeSufficient: string[];
  features: string[];
  hazards: string[];
  summary: string;
  conformsTo?: string;
  /** The print edition whose page breaks the EPUB marks (dc:source, source-of pagination). */
  pageSource?: string;
}

/** `YYYY-MM-DDThh:mm:ssZ`, as dcterms:modified requires. */
export function modifiedDate(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Features this renderer always provides, plus alternativeText exactly when there are images, all described. */
function features(book: Book, described: boolean): string[] {
  const declared = book.config.accessibility.features.filter((f) => f !== 'alternativeText');
  const provided = ['structuralNavigation', 'tableOfContents', 'readingOrder'];
  if (book.images.length > 0 && described) provided.push('alternativeText');
  return [...new Set([...declared, ...provided])];
}

function summary(book: Book, described: boolean, conforms: boolean): string {
  if (book.config.accessibility.summary) return book.config.accessibility.summary;
  const images = !book.images.length
    ? ' The text has no images.'
    : described
      ? ' Every image has a text description.'
      : ' Some images lack a text description.';
  const claim = conforms ? ` It meets ${CONFORMS_TO}.` : '';
  return (
    'This ebook is reflowable text with a navigable table of contents, headings in a logical order and ' +
    `footnotes linked to and from their calls.${images} It has no known hazards.${claim}`
  );
}

/** `imagesDescribed`: every image has non-empty alt text; the conformance claim depends on it. */
export function packageMetadata(book: Book, imagesDescribed: boolean): PackageMetadata {
  const claimConformance = imagesDescribed;
  const c = book.config;
  const a = c.accessibility;
  return {
    identifier: c.identifier,
    identifierType: c.isbn ? '15' : undefined,
    title: c.title,
    subtitle: c.subtitle,
    creators: c.creators.map((creator, i) => ({
      id: `creator-${i + 1}`,
      element: ['aut', 'edt', 'trl', 'ill'].includes(creator.role) ? 'creator' : 'contributor',
      name: creator.name,
      role: creator.role,
      fileAs: creator.fileAs,
    })),
    language: c.language,
    date: c.date,
    modified: modifiedDate(book.epoch),
    publisher: c.publisher,
    rights: c.rights,
    description: c.description,
    subjects: c.subjects,
    // Images carry visual information even when described; say so.
    accessModes: [...new Set([...(a.accessModes.length ? a.accessModes : ['textual']), ...(book.images.length ? ['visual'] : [])])],
    accessModeSufficient: a.accessModeSufficient.length ? a.accessModeSufficient : ['textual'],
    features: features(book, imagesDescribed),
    hazards: a.hazards.length ? a.hazards : ['none'],
    summary: summary(book, imagesDescribed, claimConformance),
    conformsTo: claimConformance ? CONFORMS_TO : undefined,
  };
}
