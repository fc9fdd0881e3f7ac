import { randomUUID } from 'node:crypto';
import { requiredDocumentTypes, samplePdf } from '../../libs/devtools/sample-documents';
import type { ApiClient } from './http';
import type { Flow, Level } from './round';

// The seeded organisation (README "Demo organisation"): U1's clerk, and the reviewer of each level of its route.
export const CLERK = 'u1.clerk';
export const REVIEWERS: Record<Level, string> = { UNIT: 'u1.head', DEPARTMENT: 'dept-a.reviewer', SO: 'so.council', CITY: 'city.board' };

interface Opened {
  id: string;
  workflowId: string;
}

/**
 * The API.md example nomination, as the integration harness submits it. No rule refuses the same
 * nominee twice, and the seeded award history makes her eligible, so every submission is identical
 * except for its request id.
 */
export const SUBMISSION = {
  awardCode: 'BANG_KHEN_UBND_TP',
  year: 2026,
  nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
  achievements: 'Hoàn thành xuất sắc nhiệm vụ, có hai sáng kiến được công nhận cấp cơ sở.',
  declarations: { rating: 'HTXS', initiatives: ['Số hóa quy trình cấp phép', 'Bản đồ cụm công nghiệp'] },
};

/** One generated PDF per document type the award requires, uploaded as the clerk; their ids. */
export async function uploadDossier(api: ApiClient): Promise<string[]> {
  const types = requiredDocumentTypes(SUBMISSION.awardCode);
  return Promise.all(types.map((type) => api.upload(CLERK, type, samplePdf(type), `${type}.pdf`)));
}

export async function submitNomination(api: ApiClient, documents?: string[]): Promise<Opened> {
  const dossier = documents ?? (await uploadDossier(api));
  return api.post<Opened>(CLERK, '/api/nominations', { ...SUBMISSION, documents: dossier, requestId: randomUUID() }, 201);
}

export function fullFlow(api: ApiClient): Flow<Opened> {
  const prepared = new Map<number, string[]>();
  return {
    name: 'full',
    async prepare(index) {
      prepared.set(index, await uploadDossier(api));
    },
    submit(index) {
      const documents = prepared.get(index);
      prepared.delete(index);
      return submitNomination(api, documents);
    },
    async decide(opened, level) {
      const body = { level, decision: 'APPROVE', comment: 'Đồng ý', requestId: randomUUID() };
      await api.post(REVIEWERS[level], `/api/nominations/${opened.id}/decisions`, body, 200);
    },
    workflowId: (opened) => opened.workflowId,
  };
}

/** Signs everyone in before a round, so no round pays for it. */
export async function signInAll(api: ApiClient): Promise<void> {
  await Promise.all([CLERK, ...Object.values(REVIEWERS), 'admin'].map((username) => api.token(username)));
}
