// Keeps the search index in step with the registry. Called inside every transaction that changes
// a document, so the index never holds a document that is not public (a rollback takes the index
// change back with it) and a published one is findable the moment the transaction commits.
import type { Repositories } from '../db/repositories/index.ts';
import { isPubliclyVisible, type DocumentState } from '../domain/document-workflow.ts';

export function documentUrl(agencyCode: string, id: number): string {
  return `/gk/${encodeURIComponent(agencyCode)}/doc/${id}`;
}

/** Upserts the document's entry when it is public, removes it otherwise. */
export async function syncDocumentSearch(repos: Repositories, documentId: number): Promise<void> {
  const doc = await repos.documents.detail(documentId);
  if (!doc || !isPubliclyVisible(doc.state as DocumentState) || !doc.published_on) {
    await repos.search.remove('document', documentId);
    return;
  }
  const [topics, attachments] = await Promise.all([repos.documents.topicsOf([doc.id]), repos.attachments.forDocument(doc.id)]);
  // The snippet shows the first match: the summary and body come first, the identifiers last.
  const text = [doc.summary, doc.body_text, ...attachments.map((a) => `${a.filename}\n${a.text}`), doc.keywords, doc.doc_number, doc.index_number ?? '']
    .filter((s) => s.trim() !== '')
    .join('\n');
  await repos.search.upsert({
    kind: 'document',
    refId: doc.id,
    agencyId: doc.agency_id,
    title: doc.title,
    text,
    url: documentUrl(doc.agency_code, doc.id),
    publishedOn: doc.published_on,
    facets: {
      category: doc.category_code,
      topics: (topics.get(doc.id) ?? []).map((t) => t.code),
      genre: doc.genre,
      year: Number(doc.published_on.slice(0, 4)),
      validity: doc.validity,
      ...(doc.department_name ? { department: doc.department_name } : {}),
      ...(doc.doc_number ? { docNumber: doc.doc_number } : {}),
      ...(doc.index_number ? { indexNumber: doc.index_number } : {}),
    },
  });
}
