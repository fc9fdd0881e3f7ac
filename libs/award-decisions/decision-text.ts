import { AUTHORITY_NAMES, nomineeName, type Authority, type Nominee } from '../campaigns/campaign-result';
import { ISSUERS } from '../campaigns/result-pdf';
import { catalogueVersion } from '../domain/award-catalogue';
import { hanoiDay } from '../domain/hanoi-time';
import { DECISION_SYMBOLS } from './decision-number';

/** What a decision document says, as stored: a draft has no number, day or signer yet. */
export interface DecisionFacts {
  authority: Authority;
  awardName: string;
  catalogueVersion: string;
  year: number;
  items: readonly { nominee: Nominee; unitName: string; amount: number }[];
  total: number;
  number: string | null;
  issuedAt: Date | null;
  signer: string | null;
}

/** The parts of the decision in the order Nghị định 30/2020 (Phụ lục I) lays them out. */
export interface DecisionText {
  agency: [parent: string, body: string];
  nation: string;
  motto: string;
  number: string;
  placeAndDate: string;
  title: string;
  subject: string;
  authorityTitle: string;
  grounds: string[];
  articles: string[];
  recipients: string[];
  signerTitle: string;
  signerName: string;
  annexTitle: string;
  annexSubtitle: string;
}

const dong = new Intl.NumberFormat('vi-VN');

/** `Hà Nội, ngày 08 tháng 12 năm 2026`: days and months below 10 with a leading zero, as the decree writes them. */
export function placeAndDate(at: Date | null): string {
  if (!at) return 'Hà Nội, ngày ...... tháng ...... năm ......';
  const [year, month, day] = hanoiDay(at).split('-');
  return `Hà Nội, ngày ${day} tháng ${month} năm ${year}`;
}

function countOf(items: DecisionFacts['items']): string {
  const people = items.filter((i) => i.nominee.kind === 'INDIVIDUAL').length;
  const collectives = items.length - people;
  return [collectives && `${collectives} tập thể`, people && `${people} cá nhân`].filter(Boolean).join(' và ');
}

export function decisionText(d: DecisionFacts): DecisionText {
  const issuer = ISSUERS[d.authority];
  const version = catalogueVersion(d.catalogueVersion);
  const number = d.number ? `Số: ${d.number}` : `Số:        /${DECISION_SYMBOLS[d.authority]}`;
  const dated = d.number && d.issuedAt ? `số ${d.number} ngày ${hanoiDay(d.issuedAt).split('-').reverse().join('/')}` : '(dự thảo)';
  return {
    agency: issuer.agency,
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    number,
    placeAndDate: placeAndDate(d.issuedAt),
    title: 'QUYẾT ĐỊNH',
    subject: `Về việc tặng ${d.awardName} năm ${d.year}`,
    authorityTitle: AUTHORITY_NAMES[d.authority].toLocaleUpperCase('vi'),
    grounds: [...(version?.legalBasis.split(';') ?? []).map((basis) => `Căn cứ ${basis.trim()};`), `Xét đề nghị của ${issuer.proposer}.`],
    articles: [
      `Điều 1. Tặng ${d.awardName} năm ${d.year} cho ${countOf(d.items)} có tên trong danh sách kèm theo Quyết định này, đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm ${d.year}.`,
      `Điều 2. Kèm theo ${d.awardName}, mỗi tập thể, cá nhân được thưởng số tiền ghi trong danh sách kèm theo; tổng số tiền thưởng là ${dong.format(d.total)} đồng, chi từ quỹ thi đua, khen thưởng theo quy định.`,
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thủ trưởng các đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
    ],
    recipients: ['Nơi nhận:', '- Như Điều 3;', '- Hội đồng Thi đua - Khen thưởng;', '- Lưu: VT, TĐKT.'],
    signerTitle: issuer.signer,
    signerName: d.signer ?? '',
    annexTitle: `DANH SÁCH TẶNG ${d.awardName.toLocaleUpperCase('vi')} NĂM ${d.year}`,
    annexSubtitle: `(Kèm theo Quyết định ${dated} của ${AUTHORITY_NAMES[d.authority]})`,
  };
}

/** One row of the annex: number, name, unit, amount in đồng. */
export function annexRows(d: DecisionFacts): string[][] {
  return d.items.map((item, i) => [String(i + 1), nomineeName(item.nominee), item.unitName, dong.format(item.amount)]);
}

export const formatDong = (amount: number) => dong.format(amount);
