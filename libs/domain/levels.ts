import { z } from 'zod';

/** Review levels in the order a nomination climbs them. */
export const LEVELS = ['UNIT', 'DEPARTMENT', 'SO', 'CITY'] as const;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

export const LEVEL_NAMES_VI: Record<Level, string> = {
  UNIT: 'Đơn vị cơ sở',
  DEPARTMENT: 'Phòng chuyên môn',
  SO: 'Sở Công Thương',
  CITY: 'Thành phố',
};
