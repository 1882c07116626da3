// Keeps the search index in step with the registry. Called inside every transaction that changes
// a document, so the index never holds a document that is not public (a rollback takes the index
// change back with it) and a published one is findable the moment the transaction commits.
import type { Repositories } from '../db/repositories/index.ts';
import type { DocumentRow } from '../db/schema.ts';
import { isPubliclyVisible, type DocumentState } from '../domain/document-workflow.ts';
import type { SearchEntry } from '../search/search-index.repository.ts';

export function documentUrl(agencyCode: string, id: number): string {
  return `/gk/${encodeURIComponent(agencyCode)}/doc/${id}`;
}

/** What the index needs of a public document besides its row. */
export interface SearchEntrySource {
  doc: Pick<DocumentRow, 'id' | 'agency_id' | 'title' | 'summary' | 'body_text' | 'keywords' | 'doc_number' | 'index_number' | 'genre' | 'validity'> & { published_on: string };
  agencyCode: string;
  categoryCode: string;
  departmentName: string | null;
  topicCodes: string[];
  attachments: { filename: string; text: string }[];
}

/** The index entry of a public document (pure: the caller has loaded what it needs). */
export function documentSearchEntry(s: SearchEntrySource): SearchEntry {
  const { doc } = s;
  // The snippet shows the first match: the summary and body come first, the identifiers last.
  const text = [doc.summary, doc.body_text, ...s.attachments.map((a) => `${a.filename}\n${a.text}`), doc.keywords, doc.doc_number, doc.index_number ?? '']
    .filter((x) => x.trim() !== '')
    .join('\n');
  return {
    kind: 'document',
    refId: doc.id,
    agencyId: doc.agency_id,
    title: doc.title,
    text,
    url: documentUrl(s.agencyCode, doc.id),
    publishedOn: doc.published_on,
    facets: {
      category: s.categoryCode,
      topics: s.topicCodes,
      genre: doc.genre,
      year: Number(doc.published_on.slice(0, 4)),
      validity: doc.validity,
      ...(s.departmentName ? { department: s.departmentName } : {}),
      ...(doc.doc_number ? { docNumber: doc.doc_number } : {}),
      ...(doc.index_number ? { indexNumber: doc.index_number } : {}),
    },
  };
}

/** Upserts the document's entry when it is public, removes it otherwise. */
export async function syncDocumentSearch(repos: Repositories, documentId: number): Promise<void> {
  const doc = await repos.documents.detail(documentId);
  if (!doc || !isPubliclyVisible(doc.state as DocumentState) || !doc.published_on) {
    await repos.search.remove('document', documentId);
    return;
  }
  const [topics, attachments] = await Promise.all([repos.documents.topicsOf([doc.id]), repos.attachments.forDocument(doc.id)]);
  await repos.search.upsert(documentSearchEntry({
    doc: { ...doc, published_on: doc.published_on },
    agencyCode: doc.agency_code,
    categoryCode: doc.category_code,
    departmentName: doc.department_name,
    topicCodes: (topics.get(doc.id) ?? []).map((t) => t.code),
    attachments,
  }));
}
