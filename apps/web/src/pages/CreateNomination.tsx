import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import { uploadDocuments } from '../api/documents';
import { newRequestId, useAwards, useDocumentTypeName } from '../api/queries';
import type { paths } from '../api/schema';
import { useAnnounce } from '../components/Announcer';
import { Field } from '../components/Field';
import { errorMessage, fieldErrors } from '../lib/errors';
import { AWARD_BASIS_NAMES } from '../lib/format';
import { useRouter } from '../lib/router';

type Kind = 'INDIVIDUAL' | 'COLLECTIVE';
type Basis = 'REGULAR' | 'THEMED' | 'EXTRAORDINARY';
type SubmitBody = paths['/api/nominations']['post']['requestBody']['content']['application/json'];

/** The API paths each field answers for, in the order of the form (focus goes to the first refused). */
const FIELD_PATHS = (documentTypes: string[]): Record<string, string[]> => ({
  award: ['awardCode'],
  name: ['nominee.fullName', 'nominee.name', 'nominee'],
  position: ['nominee.position'],
  year: ['year'],
  achievements: ['achievements'],
  basis: ['basis'],
  rating: ['declarations.rating'],
  initiatives: ['declarations.initiatives'],
  ...Object.fromEntries(documentTypes.map((t) => [`doc-${t}`, [t, `documents.${t}`]])),
});

export function CreateNomination() {
  const awards = useAwards().data ?? [];
  const typeName = useDocumentTypeName();
  const { navigate } = useRouter();
  const { success, failure, clear } = useAnnounce();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [awardCode, setAwardCode] = useState('');
  const [kind, setKind] = useState<Kind>('INDIVIDUAL');
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [achievements, setAchievements] = useState('');
  const [basis, setBasis] = useState<Basis>('REGULAR');
  const [rating, setRating] = useState('');
  const [initiatives, setInitiatives] = useState('');
  const [files, setFiles] = useState<Record<string, File | undefined>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const requestId = useRef(newRequestId());

  const award = awards.find((a) => a.code === (awardCode || awards[0]?.code));
  const kinds = award?.nomineeKinds ?? ['INDIVIDUAL', 'COLLECTIVE'];
  const effectiveKind: Kind = kinds.includes(kind) ? kind : kinds[0]!;
  const required = award?.requiredDocuments ?? [];
  const optional = award?.optionalDocuments ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!award) return;
    setBusy(true);
    clear();
    const paths = FIELD_PATHS([...required, ...optional]);
    try {
      const documents = await uploadDocuments(files);
      const initiativeLines = initiatives
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const declarations = { ...(rating && { rating: rating as 'HTXS' }), ...(initiativeLines.length > 0 && { initiatives: initiativeLines }) };
      const body: SubmitBody = {
        awardCode: award.code as SubmitBody['awardCode'],
        year: Number(year),
        nominee: effectiveKind === 'INDIVIDUAL' ? { kind: 'INDIVIDUAL', fullName: name, ...(position && { position }) } : { kind: 'COLLECTIVE', name },
        achievements,
        ...(basis !== 'REGULAR' && { basis }),
        ...(Object.keys(declarations).length > 0 && { declarations }),
        requestId: requestId.current,
      };
      // `documents` is API.md's (Dossiers); the served document gains it with the dossier endpoints.
      const created = await unwrap(api.POST('/api/nominations', { body: documents.length > 0 ? ({ ...body, documents } as SubmitBody) : body }));
      void queryClient.invalidateQueries({ queryKey: ['nominations'] });
      navigate(`/ho-so/${created.id}`);
      success('Đã gửi hồ sơ đề nghị.');
    } catch (error) {
      const { byField, rest } = fieldErrors(error, paths);
      setErrors(byField);
      failure([errorMessage(error), ...rest].join(' '));
      const first = Object.keys(paths).find((f) => byField[f]);
      if (first) requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(`#${first}`)?.focus());
      // A refused body may be sent again after a fix: it is a different command, so a new key.
      requestId.current = newRequestId();
    } finally {
      setBusy(false);
    }
  };

  const fileInput = (type: string) => (
    <Field key={type} id={`doc-${type}`} label={typeName(type)} error={errors[`doc-${type}`]}>
      {(props) => (
        <input {...props} type="file" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png" onChange={(e) => setFiles({ ...files, [type]: e.target.files?.[0] })} />
      )}
    </Field>
  );

  return (
    <>
      <h1>Tạo hồ sơ đề nghị</h1>
      <form ref={form} onSubmit={submit} noValidate className="stack">
        <Field id="award" label="Danh hiệu, hình thức khen thưởng" error={errors.award}>
          {(props) => (
            <select {...props} value={award?.code ?? ''} onChange={(e) => setAwardCode(e.target.value)}>
              {awards.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>Đối tượng</legend>
          {(['INDIVIDUAL', 'COLLECTIVE'] as const).map((k) => (
            <label key={k} className="inline">
              <input type="radio" name="kind" value={k} checked={effectiveKind === k} disabled={!kinds.includes(k)} onChange={() => setKind(k)} />
              {k === 'INDIVIDUAL' ? 'Cá nhân' : 'Tập thể'}
            </label>
          ))}
        </fieldset>
        <Field id="name" label={effectiveKind === 'INDIVIDUAL' ? 'Họ và tên' : 'Tên tập thể'} error={errors.name}>
          {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
        </Field>
        {effectiveKind === 'INDIVIDUAL' && (
          <Field id="position" label="Chức vụ" error={errors.position}>
            {(props) => <input {...props} value={position} onChange={(e) => setPosition(e.target.value)} />}
          </Field>
        )}
        <Field id="year" label="Năm" error={errors.year}>
          {(props) => <input {...props} type="number" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />}
        </Field>
        <Field id="achievements" label="Thành tích" error={errors.achievements}>
          {(props) => <textarea {...props} rows={6} value={achievements} onChange={(e) => setAchievements(e.target.value)} />}
        </Field>
        <Field id="basis" label="Căn cứ đề nghị" error={errors.basis}>
          {(props) => (
            <select {...props} value={basis} onChange={(e) => setBasis(e.target.value as Basis)}>
              {(['REGULAR', 'THEMED', 'EXTRAORDINARY'] as const).map((b) => (
                <option key={b} value={b}>
                  {AWARD_BASIS_NAMES[b]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="rating" label="Xếp loại" error={errors.rating}>
          {(props) => (
            <select {...props} value={rating} onChange={(e) => setRating(e.target.value)}>
              <option value="">— Không kê khai —</option>
              <option value="HTXS">Hoàn thành xuất sắc nhiệm vụ</option>
              <option value="HTT">Hoàn thành tốt nhiệm vụ</option>
            </select>
          )}
        </Field>
        <Field id="initiatives" label="Sáng kiến" error={errors.initiatives}>
          {(props) => (
            <textarea {...props} rows={3} value={initiatives} onChange={(e) => setInitiatives(e.target.value)} placeholder="Mỗi dòng một sáng kiến" />
          )}
        </Field>
        {required.length > 0 && (
          <fieldset>
            <legend>Tài liệu bắt buộc</legend>
            {required.map(fileInput)}
          </fieldset>
        )}
        {optional.length > 0 && (
          <fieldset>
            <legend>Tài liệu không bắt buộc</legend>
            {optional.map(fileInput)}
          </fieldset>
        )}
        <p>
          <button type="submit" disabled={busy || !award}>
            Gửi hồ sơ
          </button>
        </p>
      </form>
    </>
  );
}
