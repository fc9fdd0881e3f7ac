import { catalogueAt } from '../domain/award-catalogue';
import { hanoiDay } from '../domain/hanoi-time';

export type CampaignKind = 'REGULAR' | 'THEMED';

export interface CampaignTemplate {
  code: string;
  name: string;
  year: number;
  kind: CampaignKind;
  awardCodes: string[];
  opensAt: Date;
  closesAt: Date;
  decisionDeadline: Date;
}

/** An instant given as Hà Nội wall-clock time (UTC+7, no daylight saving). */
const hanoi = (year: number, month: number, day: number, hour: number, minute = 0, second = 0) =>
  new Date(Date.UTC(year, month - 1, day, hour - 7, minute, second));

/** The peak campaign honours commendations only: titles are judged on the whole year's work. */
const THEMED_AWARDS = ['GIAY_KHEN_GIAM_DOC_SO', 'BANG_KHEN_UBND_TP'];

/** The campaign a schedule launches for a kind and a year; `launchedAt` opens it. */
export function campaignTemplate(kind: CampaignKind, year: number, launchedAt: Date): CampaignTemplate {
  if (kind === 'REGULAR') {
    return {
      code: `REGULAR-${year}`,
      name: `Phong trào thi đua thường xuyên năm ${year}`,
      year,
      kind,
      awardCodes: catalogueAt(hanoiDay(launchedAt)).awards.map((a) => a.code),
      opensAt: launchedAt,
      // Year-end review (tổng kết): units file before mid-December, the decisions follow in January.
      closesAt: hanoi(year, 12, 15, 17),
      decisionDeadline: hanoi(year + 1, 1, 31, 23, 59, 59),
    };
  }
  return {
    code: `THEMED-${year}`,
    name: `Đợt thi đua cao điểm chào mừng ngày Bác Hồ ra Lời kêu gọi thi đua ái quốc (11/6) năm ${year}`,
    year,
    kind,
    awardCodes: THEMED_AWARDS,
    opensAt: launchedAt,
    closesAt: hanoi(year, 6, 11, 23, 59, 59),
    decisionDeadline: hanoi(year, 6, 30, 23, 59, 59),
  };
}
